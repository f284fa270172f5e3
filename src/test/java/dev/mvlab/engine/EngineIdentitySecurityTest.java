package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;

import dev.mvlab.engine.host.HostProcesses;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.OwnEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, items 2 and 4, on an engine of its own: whatever user a request names (in the query string, encoded or
 * repeated, in headers, in basic authentication), the relay runs it as its restricted user, which reads no file; the
 * engine's folder is told to credential holders only, and mvlab still finds its own engine by URL.
 */
class EngineIdentitySecurityTest {
    @RegisterExtension
    static final OwnEngines ENGINES = OwnEngines.perClass();
    private static EmbeddedEngine engine;
    private static Path home;
    private static int port;
    private static String credential;

    @BeforeAll
    static void start() throws IOException {
        engine = ENGINES.create("identity");
        home = ClickHouseExtension.testRoot().resolve("identity");
        engine.start();
        port = engine.endpoint().orElseThrow().httpPort();
        credential = engine.credential();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static RawHttp.Answer asks(String query, String headers, String sql) throws IOException {
        return RawHttp.post(port, "/" + query, headers, sql);
    }

    /** Each way a request may name a user or a password: the query runs as mvlab_relay all the same. */
    @Test
    void everyWayOfNamingAnotherUserRunsAsTheRelayUser() throws IOException {
        Map<String, String[]> variants = Map.of(
                "percent-encoded user", new String[]{"?password=" + credential + "&%75ser=default", ""},
                "user twice", new String[]{"?user=default&user=default&password=" + credential, ""},
                "encoded password and user", new String[]{"?%70assword=" + credential + "&%55SER=default&user=", ""},
                "user in the value of another", new String[]{"?param_x=1%26user%3Ddefault&password=" + credential, ""},
                "quota key", new String[]{"?quota_key=other&password=" + credential, ""},
                "X-ClickHouse headers", new String[]{"", "X-ClickHouse-User: default\r\nX-ClickHouse-Key: "
                        + credential + "\r\n"},
                "basic authentication as default", new String[]{"", RawHttp.basic("default", credential)},
                "basic plus a user parameter", new String[]{"?user=default", RawHttp.basic("mvlab_relay", credential)
                        + "X-ClickHouse-User: default\r\n"});
        variants.forEach((name, variant) -> {
            try {
                RawHttp.Answer answer = asks(variant[0], variant[1], "SELECT currentUser()");
                assertThat(answer).as(name).isEqualTo(new RawHttp.Answer(200, "mvlab_relay\n"));
            } catch (IOException e) {
                throw new AssertionError(name, e);
            }
        });
    }

    @Test
    void theRelaysPrivateUsersFileIsNotReadableWhateverUserIsNamed() throws IOException {
        String users = home.resolve("engine/private/users.xml").toString();
        String sql = "SELECT * FROM file('" + users + "', 'LineAsString')";
        for (String query : new String[]{"?password=" + credential + "&%75ser=default",
                "?password=" + credential + "&user=default&user=default", "?query=" + encoded(sql) + "&password="
                + credential + "&%75ser=default"}) {
            RawHttp.Answer answer = asks(query, "", query.contains("query=") ? "" : sql);
            assertThat(answer.status()).as(query).isNotEqualTo(200);
            assertThat(answer.body()).as(query).contains("mvlab_relay").contains("READ ON FILE")
                    .doesNotContain("<password>");
        }
    }

    @Test
    void aWrongSecretIsRefusedWhateverElseTheRequestSays() throws IOException {
        assertThat(asks("?user=default", "", "SELECT 1").status()).isEqualTo(401);
        assertThat(asks("?user=default&password=", "", "SELECT 1").status()).isEqualTo(401);
        assertThat(asks("?password=wrong&password=" + credential, "", "SELECT 1").status()).isEqualTo(401);
        assertThat(asks("", RawHttp.basic("default", ""), "SELECT 1").status()).isEqualTo(401);
    }

    @Test
    void aMalformedQueryStringIsA400() throws IOException {
        RawHttp.Answer answer = asks("?password=" + credential + "&%zzuser=default", "", "SELECT currentUser()");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("malformed query string");
    }

    @Test
    void mvlabsOwnKeyRunsAsItsOwnUser() throws IOException {
        Endpoint own = engine.endpoint().orElseThrow();
        assertThat(asks("?user=default", "Authorization: " + own.authorization() + "\r\n", "SELECT currentUser()"))
                .isEqualTo(new RawHttp.Answer(200, "mvlab_own\n"));
    }

    @Test
    void theEngineFolderIsToldToCredentialHoldersOnly() throws IOException {
        RawHttp.Answer anonymous = RawHttp.get(port, HostProcesses.FOLDER_PATH, "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain(home.toString());
        assertThat(RawHttp.get(port, HostProcesses.FOLDER_PATH, RawHttp.basic("x", "wrong")).status()).isEqualTo(401);
        RawHttp.Answer allowed = RawHttp.get(port, HostProcesses.FOLDER_PATH, RawHttp.basic("x", credential));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body().strip()).isEqualTo(home.resolve("engine").toAbsolutePath().normalize().toString());
    }

    @Test
    void aUrlWithoutPasswordStillFindsTheUsersOwnEngine() {
        EngineSettings settings = EngineSettings.resolve(home, Map.of("engine", "url", "url", "http://127.0.0.1:"
                + port, "home", home.toAbsolutePath().toString(), "engine.access", "", "engine.origins", ""),
                Map.of());
        EngineStatus status = new UrlEngine(settings).status();
        assertThat(status.running()).as(String.valueOf(status.note())).isTrue();
        EngineSettings noted = EngineSettings.resolve(home, Map.of("engine", "url", "url", "http://127.0.0.1:"
                + port, "home", home.resolve("another-home").toString(), "engine.access", "", "engine.origins", ""),
                Map.of());
        assertThat(new UrlEngine(noted).status().running()).as("found by the note of its port").isTrue();
        EngineSettings unknown = EngineSettings.resolve(home, Map.of("engine", "url", "url", "http://127.0.0.1:"
                + port, "home", home.resolve("another-home").toString(), "cache.dir",
                home.resolve("another-cache").toString(), "engine.access", "", "engine.origins", ""), Map.of());
        EngineStatus refused = new UrlEngine(unknown).status();
        assertThat(refused.running()).isFalse();
        assertThat(refused.note()).contains("credential");
    }
}
