package dev.mvlab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The private configuration of one chDB run, written by the engine host before each launch (mode 0600):
 * an {@code http_handlers} door that serves queries only to requests carrying {@link #secret} (only the relay knows
 * it; everything else gets 404 except {@code /ping}), and a user {@link #RELAY_USER} for the relay whose grants leave
 * out {@code file()}, {@code url()}, {@code remote()} and the other outside sources unless the user enabled them.
 * Paths reach the XML escaped; nothing here is SQL.
 *
 * @param secret   the header value chDB's door opens to
 * @param password the relay user's password
 */
record ChdbConfig(Path configFile, String secret, String password) {
    static final String SECRET_HEADER = "X-Mvlab-Key";
    static final String RELAY_USER = "mvlab_relay";
    /** Outside sources that come with url(): network clients of other systems. */
    private static final List<String> NETWORK_SOURCES = List.of("URL", "S3", "HDFS", "AZURE", "MYSQL", "POSTGRES",
            "ODBC", "JDBC", "MONGO", "REDIS", "SQLITE", "KAFKA", "NATS", "RABBITMQ", "HIVE");
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
        Files.createDirectories(dir);
        String secret = randomToken();
        String password = randomToken();
        Path users = dir.resolve("users.xml");
        writePrivate(users, usersXml(password, access, databases));
        Path config = dir.resolve("config.xml");
        writePrivate(config, """
                <clickhouse>
                  <user_files_path>%s</user_files_path>
                  <users_config>%s</users_config>
                  <http_handlers>
                    <rule><url>/ping</url><methods>GET,HEAD</methods>
                      <handler><type>static</type><response_content>Ok.</response_content></handler>
                    </rule>
                    <rule><headers><%s>%s</%s></headers>
                      <handler><type>dynamic_query_handler</type><query_param_name>query</query_param_name></handler>
                    </rule>
                  </http_handlers>
                </clickhouse>
                """.formatted(xml(dir.toAbsolutePath() + "/"), xml(users.toAbsolutePath().toString()),
                SECRET_HEADER, secret, SECRET_HEADER));
        return new ChdbConfig(config, secret, password);
    }

    private static String usersXml(String password, EngineAccess access, List<String> databases) {
        StringBuilder grants = new StringBuilder("<query>GRANT ALL ON *.*</query>");
        if (!access.allows(EngineAccess.Source.FILE)) {
            grants.append("<query>REVOKE READ, WRITE ON FILE</query>");
        }
        if (!access.allows(EngineAccess.Source.REMOTE)) {
            grants.append("<query>REVOKE READ, WRITE ON REMOTE</query>");
        }
        if (!access.allows(EngineAccess.Source.URL)) {
            NETWORK_SOURCES.forEach(s -> grants.append("<query>REVOKE READ, WRITE ON ").append(s).append("</query>"));
        }
        // The relay user's grants are held by the role ServeRoles.ALL, so that serve can narrow them (see ServeRoles).
        // 'default' (no password) is clickhouse-local's own session; the door lets only the relay in, always as
        // RELAY_USER, so 'default' is never reachable from outside.
        return """
                <clickhouse>
                  <users>
                    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                      <profile>default</profile><quota>default</quota></default>
                    <%1$s><password>%2$s</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                      <profile>default</profile><quota>default</quota><grants>%3$s</grants></%1$s>
                  </users>
                  %4$s
                  <profiles><default/></profiles>
                  <quotas><default/></quotas>
                </clickhouse>
                """.formatted(RELAY_USER, password, ServeRoles.relayUserGrants(databases),
                ServeRoles.rolesXml(grants.toString(), databases));
    }

    static void writePrivate(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
