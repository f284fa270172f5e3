package dev.mvlab.engine;

import dev.mvlab.clickhouse.Database;

import dev.mvlab.errors.DatabaseException;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.OwnEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, item 1, on an engine of its own with the default access: SQL sent with the user's credential reaches no
 * file, URL, other server or program through a table engine or a dictionary source, while tables, materialized views
 * and (for mvlab's own commands) dictionaries of the engine's own tables still work.
 */
class EngineOutsideAccessSecurityTest {
    @RegisterExtension
    static final OwnEngines ENGINES = OwnEngines.perClass();
    private static EmbeddedEngine engine;
    private static Database credential;
    private static Database own;
    private static Path home;

    @BeforeAll
    static void start() throws IOException {
        engine = ENGINES.create("outside-access");
        home = ClickHouseExtension.testRoot().resolve("outside-access");
        engine.start();
        credential = Database.connect(engine.credentialEndpoint().orElseThrow(), "default");
        own = Database.connect(engine.endpoint().orElseThrow(), "default");
    }

    @AfterAll
    static void stop() {
        credential.close();
        own.close();
    }

    private static int relayPort() {
        return engine.endpoint().orElseThrow().httpPort();
    }

    @Test
    void aDictionaryWithAnExecutableSourceIsRefusedAndItsCommandNeverRuns() {
        Path marker = home.resolve("executable-ran");
        assertThatThrownBy(() -> credential.execute("CREATE DICTIONARY shell_dict (k UInt64, v String) PRIMARY KEY k "
                + "SOURCE(EXECUTABLE(command 'touch " + marker + "; echo 1' format 'TSV')) LAYOUT(FLAT()) LIFETIME(0)"))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("ACCESS_DENIED")
                .hasMessageContaining("CREATE DICTIONARY");
        assertThatThrownBy(() -> credential.query("SELECT * FROM shell_dict")).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("UNKNOWN_TABLE");
        assertThatThrownBy(() -> credential.execute("CREATE TABLE shell_table (a String) ENGINE = Executable('touch "
                + marker + "', TSV)")).hasMessageContaining("TABLE ENGINE ON Executable");
        assertThatThrownBy(() -> credential.execute("CREATE TABLE shell_pool (a String) ENGINE = ExecutablePool('id', "
                + "TSV)")).hasMessageContaining("TABLE ENGINE ON ExecutablePool");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aFileEngineCanNeitherReadNorWrite() throws IOException {
        Path secret = home.resolve("secret.txt");
        Files.writeString(secret, "do not read\n");
        Path written = home.resolve("written-by-engine.txt");
        assertThatThrownBy(() -> credential.execute("CREATE TABLE file_read (s String) ENGINE = File(LineAsString, '"
                + secret + "')")).isInstanceOf(DatabaseException.class).hasMessageContaining("TABLE ENGINE ON File");
        assertThatThrownBy(() -> credential.execute("CREATE TABLE file_write (s String) ENGINE = File(LineAsString, '"
                + written + "')")).hasMessageContaining("TABLE ENGINE ON File");
        assertThatThrownBy(() -> credential.execute("INSERT INTO file_write VALUES ('x')"))
                .hasMessageContaining("UNKNOWN_TABLE");
        assertThatThrownBy(() -> credential.execute("INSERT INTO FUNCTION file('" + written + "', 'LineAsString') "
                + "SELECT 'x'")).hasMessageContaining("WRITE ON FILE");
        assertThatThrownBy(() -> credential.query("SELECT * FROM file('" + secret + "', 'LineAsString')"))
                .hasMessageContaining("READ ON FILE");
        assertThat(written).doesNotExist();
    }

    /** file('path') as a function: clickhouse-local checks no grant for it, the process's Landlock rules stop it. */
    @Test
    void theFileFunctionReadsNeitherTheKeysNorTheUsersFilesAndTheUsersFileHoldsNoPassword() throws IOException {
        Files.writeString(home.resolve("secret-of-the-user.txt"), "private\n");
        Path sharedTemporary = Files.createTempFile("mvlab-secret-in-tmp", ".txt"); // /tmp is no longer open to chDB
        Files.writeString(sharedTemporary, "private\n");
        sharedTemporary.toFile().deleteOnExit();
        for (Path path : List.of(home.resolve("engine/credential"), home.resolve("engine/own-key"),
                home.resolve("secret-of-the-user.txt"), sharedTemporary)) {
            String name = path.toString();
            RawHttp.Answer answer = RawHttp.post(relayPort(), "/", RawHttp.basic("default", engine.credential()),
                    "SELECT file('" + path + "')");
            assertThat(answer.status()).as(name).isNotEqualTo(200);
            assertThat(answer.body()).as(name).contains("CANNOT_OPEN_FILE").contains("Permission denied");
        }
        String users = String.valueOf(credential.query("SELECT file('" + home.resolve("engine/private/users.xml")
                + "')").rows().get(0).get(0));
        assertThat(users).contains("mvlab_relay").contains("password_sha256_hex")
                .doesNotContain(engine.credential()).doesNotContain(Files.readString(home.resolve("engine/own-key"))
                        .strip());
        assertThat(credential.queryLong("SELECT count() FROM numbers(3)")).isEqualTo(3);
    }

    @Test
    void aUrlEngineAndADictionaryHttpSourceAreRefused() {
        String url = "http://127.0.0.1:" + relayPort() + "/ping";
        assertThatThrownBy(() -> credential.execute("CREATE TABLE url_table (s String) ENGINE = URL('" + url
                + "', LineAsString)")).isInstanceOf(DatabaseException.class).hasMessageContaining("TABLE ENGINE ON URL");
        assertThatThrownBy(() -> credential.execute("CREATE DICTIONARY http_dict (k UInt64, v String) PRIMARY KEY k "
                + "SOURCE(HTTP(url '" + url + "' format 'TSV')) LAYOUT(FLAT()) LIFETIME(0)"))
                .hasMessageContaining("CREATE DICTIONARY");
        assertThatThrownBy(() -> credential.execute("CREATE TABLE s3_table (s String) ENGINE = S3('http://127.0.0.1:1/"
                + "b/k', 'LineAsString')")).hasMessageContaining("TABLE ENGINE ON S3");
        assertThatThrownBy(() -> credential.execute("CREATE TABLE mysql_table (a UInt8) ENGINE = MySQL('127.0.0.1:1', "
                + "'db', 't', 'u', 'p')")).hasMessageContaining("TABLE ENGINE ON MySQL");
        assertThatThrownBy(() -> credential.execute("CREATE TABLE pg_table (a UInt8) ENGINE = PostgreSQL("
                + "'127.0.0.1:1', 'db', 't', 'u', 'p')")).hasMessageContaining("TABLE ENGINE ON PostgreSQL");
        assertThatThrownBy(() -> credential.execute("CREATE TABLE far (a UInt8) ENGINE = Distributed('c', 'db', 't')"))
                .hasMessageContaining("TABLE ENGINE ON Distributed");
        assertThatThrownBy(() -> credential.query("SELECT * FROM url('" + url + "', 'LineAsString')"))
                .hasMessageContaining("READ ON URL");
    }

    @Test
    void tablesAndMaterializedViewsStillWork() {
        credential.execute("CREATE TABLE ordinary_events (k UInt64, n UInt64) ENGINE = MergeTree ORDER BY k");
        credential.execute("CREATE TABLE ordinary_totals (k UInt64, n AggregateFunction(sum, UInt64)) "
                + "ENGINE = AggregatingMergeTree ORDER BY k");
        credential.execute("CREATE MATERIALIZED VIEW ordinary_mv TO ordinary_totals AS "
                + "SELECT k, sumState(n) AS n FROM ordinary_events GROUP BY k");
        credential.execute("CREATE TABLE ordinary_memory (a UInt8) ENGINE = Memory");
        credential.execute("INSERT INTO ordinary_events SELECT number % 3, number FROM numbers(100)");
        assertThat(credential.queryLong("SELECT sumMerge(n) FROM ordinary_totals")).isEqualTo(4950);
        assertThat(credential.queryLong("SELECT count() FROM numbers(10)")).isEqualTo(10);
    }

    @Test
    void mvlabsOwnCommandsKeepDictionariesOfTheEnginesTablesButTheirSourceUserReadsNoFile() {
        own.execute("CREATE TABLE dict_products (id UInt64, brand String) ENGINE = MergeTree ORDER BY id");
        own.execute("INSERT INTO dict_products VALUES (1, 'acme')");
        own.execute("CREATE DICTIONARY products_by_id (id UInt64, brand String) PRIMARY KEY id "
                + "SOURCE(CLICKHOUSE(TABLE 'dict_products')) LAYOUT(FLAT()) LIFETIME(0)");
        assertThat(credential.query("SELECT dictGet('products_by_id', 'brand', toUInt64(1))").rows().get(0).get(0))
                .isEqualTo("acme");
        own.execute("CREATE DICTIONARY as_default (k UInt64, v String) PRIMARY KEY k SOURCE(CLICKHOUSE(user 'default' "
                + "query 'SELECT 1, line FROM file(''/etc/hostname'', LineAsString)')) LAYOUT(FLAT()) LIFETIME(0)");
        assertThatThrownBy(() -> own.query("SELECT * FROM as_default")).isInstanceOf(DatabaseException.class)
                .hasMessageContaining("READ ON FILE");
    }
}
