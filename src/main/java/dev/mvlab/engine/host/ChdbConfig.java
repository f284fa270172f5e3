package dev.mvlab.engine.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The private configuration of one chDB run, written by the engine host before each launch (mode 0600):
 * an {@code http_handlers} door that serves queries only to requests carrying {@link #secret} (only the relay knows
 * it; everything else gets 404 except {@code /ping}), and the users the relay authenticates as: {@link #RELAY_USER}
 * for the user's credential and {@link #OWN_USER} for mvlab's own commands, with the grants of {@link EngineGrants}.
 * {@code user_files_path} is an empty folder, so a dictionary's FILE source finds nothing to read.
 * Paths reach the XML escaped; nothing here is SQL.
 *
 * @param secret      the header value chDB's door opens to
 * @param password    the relay user's password
 * @param ownPassword the password of mvlab's own user
 */
record ChdbConfig(Path configFile, String secret, String password, String ownPassword) {
    static final String SECRET_HEADER = "X-Mvlab-Key";
    static final String RELAY_USER = "mvlab_relay";
    static final String OWN_USER = "mvlab_own";
    private static final SecureRandom RANDOM = new SecureRandom();

    static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes config.xml and users.xml into {@code dir} with fresh secrets. */
    static ChdbConfig write(Path dir, EngineAccess access) throws IOException {
        return write(dir, access, List.of());
    }

    /** The same, with a {@link ServeRoles serve role} for each of {@code databases}. */
    static ChdbConfig write(Path dir, EngineAccess access, List<String> databases) throws IOException {
        return write(dir, access, databases, null);
    }

    /**
     * The same for a node of the local cluster when {@code node} is not null: its macros, {@code remote_servers},
     * Distributed send pool and memory limit join the config, and the users get {@link EngineGrants#clusterNode()}.
     */
    static ChdbConfig write(Path dir, EngineAccess access, List<String> databases, LocalClusterNodeConfig node)
            throws IOException {
        Files.createDirectories(dir);
        Path userFiles = dir.resolve("user_files");
        Files.createDirectories(userFiles);
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        String secret = randomToken();
        String password = randomToken();
        String ownPassword = randomToken();
        Path users = dir.resolve("users.xml");
        PrivateFiles.write(users, usersXml(password, ownPassword, access, databases, node != null));
        Path config = dir.resolve("config.xml");
        PrivateFiles.write(config, """
                <clickhouse>
                  <user_files_path>%s</user_files_path>
                  <tmp_path>%s</tmp_path>
                  <users_config>%s</users_config>
                  <access_control_improvements>
                    <table_engines_require_grant>true</table_engines_require_grant>
                  </access_control_improvements>
                  <http_handlers>
                    <rule><url>/ping</url><methods>GET,HEAD</methods>
                      <handler><type>static</type><response_content>Ok.</response_content></handler>
                    </rule>
                    <rule><headers><%s>%s</%s></headers>
                      <handler><type>dynamic_query_handler</type><query_param_name>query</query_param_name></handler>
                    </rule>
                  </http_handlers>
                %s
                </clickhouse>
                """.formatted(xml(userFiles.toAbsolutePath() + "/"), xml(temporary.toAbsolutePath() + "/"), xml(users.toAbsolutePath().toString()),
                SECRET_HEADER, secret, SECRET_HEADER, node == null ? "" : node.xml()));
        return new ChdbConfig(config, secret, password, ownPassword);
    }

    /** The password of a user the relay authenticates as. */
    String passwordOf(String user) {
        return user.equals(OWN_USER) ? ownPassword : password;
    }

    /**
     * The users and their roles. Each user's grants are held by a role of its own ({@link ServeRoles#RELAY_ALL},
     * {@link ServeRoles#OWN_ALL}), its default, so that serve can narrow a query to one of {@link ServeRoles}'
     * roles with ClickHouse's {@code role} parameter (a user's direct grants would stay in force under any role).
     */
    private static String usersXml(String password, String ownPassword, EngineAccess access, List<String> databases,
                                   boolean clusterNode) {
        List<String> extra = clusterNode ? EngineGrants.clusterNode() : List.of();
        // 'default' (no password) is clickhouse-local's own session; the door lets only the relay in, always as
        // RELAY_USER or OWN_USER, so 'default' is reached only by a dictionary's CLICKHOUSE source (see EngineGrants).
        return """
                <clickhouse>
                  <users>
                    %s
                    %s
                    %s
                  </users>
                  %s
                  <profiles><default>%s</default></profiles>
                  <quotas><default/></quotas>
                </clickhouse>
                """.formatted(user("default", "", grantQueries(EngineGrants.local()) + grantQueries(extra)),
                user(RELAY_USER, password, ServeRoles.userGrants(ServeRoles.RELAY_ALL, databases)),
                user(OWN_USER, ownPassword, ServeRoles.userGrants(ServeRoles.OWN_ALL, databases)),
                ServeRoles.rolesXml(grantQueries(EngineGrants.relay(access)) + grantQueries(extra),
                        grantQueries(EngineGrants.own(access)) + grantQueries(extra),
                        databases),
                clusterNode ? LocalClusterNodeConfig.profileSettingsXml() : "");
    }

    private static String grantQueries(List<String> grants) {
        StringBuilder queries = new StringBuilder();
        grants.forEach(g -> queries.append("<query>").append(xml(g)).append("</query>"));
        return queries.toString();
    }

    /** A user; the password is stored as its SHA-256 (chDB's SQL can read this file; the hash opens nothing). */
    private static String user(String name, String password, String grantQueries) {
        String secret = password.isEmpty() ? "<password></password>"
                : "<password_sha256_hex>" + sha256(password) + "</password_sha256_hex>";
        return "<%1$s>%2$s<networks><ip>127.0.0.1</ip><ip>::1</ip></networks>".formatted(name, secret)
                + "<profile>default</profile><quota>default</quota><grants>" + grantQueries + "</grants></" + name + ">";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
