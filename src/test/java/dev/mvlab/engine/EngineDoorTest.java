package dev.mvlab.engine;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;

import dev.mvlab.errors.DatabaseException;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.OwnEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13, item 7, on an engine of its own with the default access: who gets in and what SQL reaches. Raw HTTP over
 * a socket, so that the test sends exactly what a browser or another local program would.
 */
class EngineDoorTest {
    @RegisterExtension
    static final OwnEngines ENGINES = OwnEngines.perClass();
    private static EmbeddedEngine engine;
    private static Endpoint endpoint;
    private static Path home;

    @BeforeAll
    static void start() throws IOException {
        engine = ENGINES.create("door");
        home = ClickHouseExtension.testRoot().resolve("door");
        endpoint = engine.start().endpoint();
    }

    private record Answer(int status, String body) {
    }

    private static Answer send(String headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", endpoint.httpPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST / HTTP/1.1\r\n" + headers + "Content-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Answer(status, text.substring(text.indexOf("\r\n\r\n") + 4));
        }
    }

    private static String auth() {
        return "Authorization: " + endpoint.authorization() + "\r\n";
    }

    private static boolean tableExists(String name) {
        try (Database db = Database.connect(endpoint, "default")) {
            return db.queryLong("SELECT count() FROM system.tables WHERE database = 'default' AND name = ?", name) > 0;
        }
    }

    @Test
    void theCredentialOpensTheDoorAndItsAbsenceOrAWrongOneDoesNot() throws IOException {
        assertThat(send("Host: 127.0.0.1\r\n" + auth(), "SELECT 40 + 2")).isEqualTo(new Answer(200, "42\n"));
        Answer none = send("Host: 127.0.0.1\r\n", "CREATE TABLE no_key (a UInt8) ENGINE = Memory");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).contains("needs the user's credential");
        Answer wrong = send("Host: 127.0.0.1\r\nAuthorization: Basic ZGVmYXVsdDp3cm9uZw==\r\n",
                "CREATE TABLE wrong_key (a UInt8) ENGINE = Memory");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(tableExists("no_key")).isFalse();
        assertThat(tableExists("wrong_key")).isFalse();
        assertThat(send("Host: 127.0.0.1\r\nX-ClickHouse-Key: " + endpoint.password() + "\r\n", "SELECT 1").status())
                .isEqualTo(200);
    }

    @Test
    void aCrossOriginPostAndARebindingHostAreRefusedEvenWithTheCredential() throws IOException {
        String crossSite = "Host: 127.0.0.1:" + endpoint.httpPort() + "\r\nOrigin: http://evil.example\r\n"
                + "Content-Type: text/plain\r\n";
        Answer plain = send(crossSite, "CREATE TABLE from_browser (a UInt8) ENGINE = Memory");
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.body()).contains("browser requests (Origin http://evil.example) are refused");
        assertThat(send(crossSite + auth(), "CREATE TABLE from_browser (a UInt8) ENGINE = Memory").status())
                .isEqualTo(403);
        Answer rebinding = send("Host: evil.example:" + endpoint.httpPort() + "\r\n" + auth(),
                "CREATE TABLE from_rebinding (a UInt8) ENGINE = Memory");
        assertThat(rebinding.status()).isEqualTo(403);
        assertThat(tableExists("from_browser")).isFalse();
        assertThat(tableExists("from_rebinding")).isFalse();
    }

    @Test
    void fileUrlAndRemoteAreRefusedByDefault() {
        try (Database db = Database.connect(endpoint, "default")) {
            assertThatThrownBy(() -> db.query("SELECT * FROM file('/etc/hostname', 'LineAsString')"))
                    .isInstanceOf(DatabaseException.class).hasMessageContaining("ACCESS_DENIED")
                    .hasMessageContaining("READ ON FILE");
            assertThatThrownBy(() -> db.execute("INSERT INTO FUNCTION file('" + home.resolve("written.txt")
                    + "', 'LineAsString') SELECT 'x'")).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("WRITE ON FILE");
            assertThatThrownBy(() -> db.query("SELECT * FROM url('http://127.0.0.1:" + endpoint.httpPort()
                    + "/ping', 'LineAsString')")).hasMessageContaining("READ ON URL");
            assertThatThrownBy(() -> db.query("SELECT * FROM remote('127.0.0.1:9000', system.one)"))
                    .hasMessageContaining("READ ON REMOTE");
            assertThatThrownBy(() -> db.query("SELECT * FROM s3('http://127.0.0.1:1/bucket/key', 'LineAsString')"))
                    .hasMessageContaining("READ ON S3");
        }
        assertThat(home.resolve("written.txt")).doesNotExist();
    }

    @Test
    void theCredentialIsStoredForTheUserOnlyAndChdbsOwnPortIsLockedToo() throws IOException {
        Path credential = engine.credentialFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credential))).isEqualTo("rw-------");
        assertThat(Files.readString(credential).strip()).isEqualTo(engine.credential()).hasSizeGreaterThan(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("engine/own-key"))))
                .isEqualTo("rw-------");
        int privatePort = Integer.parseInt(Files.readString(home.resolve("engine/private/ports.tsv")).strip());
        try (Socket socket = new Socket("127.0.0.1", privatePort)) {
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 8\r\n"
                    + "Connection: close\r\n\r\nSELECT 1").getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 404");
        }
    }
}
