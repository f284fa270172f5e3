package dev.mvlab.engine.host;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.DatabaseName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ClickHouse roles of chDB's users. The credential's user holds its privileges through the role
 * {@link #RELAY_ALL}, mvlab's own user through {@link #OWN_ALL} (their defaults); {@code mvlab serve} runs its queries with ClickHouse's HTTP {@code role} parameter set to a narrower
 * role, so that whatever slips through serve's own checks still meets ClickHouse's grants:
 * <ul>
 *   <li>{@code mvlab_serve_db_<db>}: SELECT and dictGet on one database, nothing else (no system tables, no
 *   table engines or outside sources); one per database that exists when chDB starts;</li>
 *   <li>{@link #ANY_DATABASE}: the same on every database but ClickHouse's own, for a database created after chDB
 *   started (until the engine restarts);</li>
 *   <li>{@link #ANALYZE}: no privilege at all: serve asks ClickHouse to analyse a query under it, so that the analysis
 *   (which evaluates scalar subqueries) reads nothing before serve has checked the token's scopes.</li>
 * </ul>
 * users.xml is read once when chDB starts (clickhouse-local has no SQL-driven access storage and no config reload),
 * hence one role per database that exists then.
 */
public final class ServeRoles {
    public static final String RELAY_ALL = "mvlab_relay_all";
    public static final String OWN_ALL = "mvlab_own_all";
    public static final String ANY_DATABASE = "mvlab_serve";
    public static final String ANALYZE = "mvlab_serve_analyze";
    private static final String DATABASE_PREFIX = "mvlab_serve_db_";
    /** Database names mvlab accepts (see {@link DatabaseName}): also valid XML element names after the prefix. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,191}");
    private static final List<String> CLICKHOUSE_DATABASES = List.of("system", "information_schema",
            "INFORMATION_SCHEMA");

    private ServeRoles() {
    }

    /** The role that reads {@code database} only. */
    public static String forDatabase(String database) {
        return DATABASE_PREFIX + database;
    }

    /** The databases in chDB's data folder (one {@code metadata/<name>.sql} each), those mvlab could serve. */
    static List<String> databasesIn(Path dataDir) {
        Path metadata = dataDir.resolve("metadata");
        if (!Files.isDirectory(metadata)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(metadata)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - 4)).filter(n -> NAME.matcher(n).matches())
                    .filter(n -> !CLICKHOUSE_DATABASES.contains(n)).sorted().toList();
        } catch (IOException e) {
            return List.of(); // serve then uses ANY_DATABASE
        }
    }

    /**
     * The users.xml {@code <roles>} section: {@link #RELAY_ALL} and {@link #OWN_ALL} with the users' own grants (as
     * {@code <query>} elements), then serve's roles.
     */
    static String rolesXml(String relayGrants, String ownGrants, List<String> databases) {
        StringBuilder xml = new StringBuilder("<roles>\n");
        xml.append("    <").append(RELAY_ALL).append("><grants>").append(relayGrants).append("</grants></")
                .append(RELAY_ALL).append(">\n");
        xml.append("    <").append(OWN_ALL).append("><grants>").append(ownGrants).append("</grants></")
                .append(OWN_ALL).append(">\n");
        xml.append("    <").append(ANALYZE).append("><grants></grants></").append(ANALYZE).append(">\n");
        xml.append("    <").append(ANY_DATABASE).append("><grants><query>GRANT SELECT, dictGet ON *.*</query>");
        CLICKHOUSE_DATABASES.forEach(db -> xml.append("<query>REVOKE SELECT, dictGet ON ").append(db)
                .append(".*</query>"));
        xml.append("</grants></").append(ANY_DATABASE).append(">\n");
        for (String db : databases) {
            String role = forDatabase(db);
            xml.append("    <").append(role).append("><grants><query>GRANT SELECT, dictGet ON `").append(db)
                    .append("`.*</query></grants></").append(role).append(">\n");
        }
        return xml.append("  </roles>").toString();
    }

    /**
     * A user's grants: its own role {@code allRole} and every serve role (all of them default roles, so without a
     * {@code role} parameter it keeps {@code allRole}'s rights; with one, only that role's).
     */
    static String userGrants(String allRole, List<String> databases) {
        StringBuilder roles = new StringBuilder(allRole + ", " + ANY_DATABASE + ", " + ANALYZE);
        databases.forEach(db -> roles.append(", `").append(forDatabase(db)).append('`'));
        return "<query>GRANT " + roles + "</query>";
    }
}
