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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, item 1, the other way round: with {@code MVLAB_ENGINE_ACCESS=file,url,remote,executable} each door that
 * {@link EngineOutsideAccessSecurityTest} finds closed opens to the credential.
 */
class EngineAccessOpenedSecurityTest {
    @RegisterExtension
    static final OwnEngines ENGINES = OwnEngines.perClass();
    private static EmbeddedEngine engine;
    private static Database credential;
    private static Path home;

    @BeforeAll
    static void start() throws IOException {
        engine = ENGINES.create("access-opened", "file,url,remote,executable");
        home = ClickHouseExtension.testRoot().resolve("access-opened");
        engine.start();
        credential = Database.connect(engine.credentialEndpoint().orElseThrow(), "default");
    }

    @AfterAll
    static void stop() {
        credential.close();
    }

    @Test
    void executableOpensDictionariesWithAnExecutableSourceAndTheExecutableEngine() {
        Path marker = home.resolve("executable-ran");
        credential.execute("CREATE DICTIONARY shell_dict (k UInt64, v String) PRIMARY KEY k "
                + "SOURCE(EXECUTABLE(command 'touch " + marker + "; printf \"1\\\\tran\\\\n\"' format 'TSV')) "
                + "LAYOUT(FLAT()) LIFETIME(0)");
        assertThat(credential.query("SELECT v FROM shell_dict").rows().get(0).get(0)).isEqualTo("ran");
        assertThat(marker).exists();
        credential.execute("CREATE TABLE shell_table (a String) ENGINE = Executable('echo hi', TSV)");
    }

    @Test
    void fileOpensTheFileEngineForReadingAndWriting() throws IOException {
        Path readable = home.resolve("readable.txt");
        Files.writeString(readable, "from a file\n");
        Path written = home.resolve("written-by-engine.txt");
        credential.execute("CREATE TABLE file_read (s String) ENGINE = File(LineAsString, '" + readable + "')");
        assertThat(credential.query("SELECT s FROM file_read").rows().get(0).get(0)).isEqualTo("from a file");
        credential.execute("CREATE TABLE file_write (s String) ENGINE = File(LineAsString, '" + written + "')");
        credential.execute("INSERT INTO file_write VALUES ('written')");
        assertThat(Files.readString(written).strip()).isEqualTo("written");
    }

    @Test
    void urlOpensTheUrlEngineAndRemoteOpensRemote() {
        String url = "http://127.0.0.1:" + engine.endpoint().orElseThrow().httpPort() + "/ping";
        credential.execute("CREATE TABLE url_table (s String) ENGINE = URL('" + url + "', LineAsString)");
        assertThat(credential.query("SELECT s FROM url_table").rows().get(0).get(0)).isEqualTo("Ok.");
        // nothing listens there: the refusal is the network's, no longer the grants'
        assertThatThrownBy(() -> credential.query("SELECT * FROM remote('127.0.0.1:1', system.one)"))
                .isInstanceOf(DatabaseException.class).message().doesNotContain("ACCESS_DENIED");
    }
}
