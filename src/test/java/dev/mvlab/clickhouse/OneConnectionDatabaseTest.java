package dev.mvlab.clickhouse;

import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.EngineException;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 20: the one unpooled connection of short commands behaves as the pool does, on a real engine. */
@ExtendWith(ClickHouseExtension.class)
class OneConnectionDatabaseTest {

    private static String freshName() {
        return "one_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void createsTheMissingDatabaseAndEveryKindOfStatementRunsInIt(Database db) {
        String name = freshName();
        try (Database one = Database.oneConnection(db.endpoint(), name, true)) {
            assertThat(one.name()).isEqualTo(name);
            one.execute("CREATE TABLE t (id UInt32, s String) ENGINE = MergeTree ORDER BY id");
            assertThat(one.insertBatch("INSERT INTO t (id, s) VALUES (?, ?)",
                    List.<Object[]>of(new Object[]{1, "a"}, new Object[]{2, "b"}))).isEqualTo(2);
            assertThat(one.run("SELECT currentDatabase()").scalar()).isEqualTo(name);
            assertThat(one.query("SELECT s FROM t WHERE id = ?", 2).scalar()).isEqualTo("b");
            assertThat(((Number) one.run("SELECT count() FROM t WHERE s = {s: String}",
                    QueryParameters.of(java.util.Map.of("s", "a"))).scalar()).longValue()).isEqualTo(1);
            List<Object> streamed = new ArrayList<>();
            one.stream("SELECT id FROM t ORDER BY id", new RowSink() {
                @Override
                public void start(List<String> columns, List<String> types) {
                    assertThat(columns).containsExactly("id");
                }

                @Override
                public void row(List<Object> values) {
                    streamed.add(((Number) values.get(0)).longValue());
                }
            });
            assertThat(streamed).containsExactly(1L, 2L);
            // the same connection serves statement after statement, also after the server refused one
            assertThatThrownBy(() -> one.run("SELECT * FROM missing_table"))
                    .isInstanceOf(DatabaseException.class).hasMessageContaining("UNKNOWN_TABLE");
            assertThat(one.queryLong("SELECT count() FROM t")).isEqualTo(2);
        } finally {
            db.dropDatabase(name);
        }
        assertThat(db.queryLong("SELECT count() FROM system.databases WHERE name = ?", name)).isZero();
    }

    @Test
    void withoutCreatingAMissingDatabaseIsTheServersErrorAtTheFirstStatement(Database db) {
        String name = freshName();
        try (Database one = Database.oneConnection(db.endpoint(), name, false)) {
            assertThatThrownBy(() -> one.run("SELECT 1"))
                    .isInstanceOf(DatabaseException.class).hasMessageContaining("UNKNOWN_DATABASE");
        }
        assertThat(db.queryLong("SELECT count() FROM system.databases WHERE name = ?", name)).isZero();
    }

    @Test
    void anUnreachableServerIsTheEngineUnavailableWithAHint() {
        assertThatThrownBy(() -> Database.oneConnection(Endpoint.loopback(1), "mvlab", true))
                .isInstanceOf(EngineException.class).hasMessageContaining("127.0.0.1:1")
                .satisfies(e -> assertThat(((EngineException) e).hint()).contains("mvlab engine"));
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersEndsByTheReadTimeoutWithAHint() throws Exception {
        // the kernel accepts connections into the backlog; nothing ever reads or answers them
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Endpoint endpoint = new Endpoint("127.0.0.1", silent.getLocalPort(), false, "default", "",
                    java.time.Duration.ofSeconds(1));
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () ->
                    assertThatThrownBy(() -> Database.oneConnection(endpoint, "mvlab", true))
                            .isInstanceOf(EngineException.class).hasMessageContaining("did not answer within 1 s"));
        }
    }

    @Test
    void aBadDatabaseNameIsRefusedBeforeAnythingIsSent(Database db) {
        assertThatThrownBy(() -> Database.oneConnection(db.endpoint(), "x`; DROP DATABASE mvlab", true))
                .isInstanceOf(dev.mvlab.errors.MvlabException.class).hasMessageContaining("invalid database name")
                .satisfies(e -> assertThat(((dev.mvlab.errors.MvlabException) e).exitCode())
                        .isEqualTo(dev.mvlab.errors.ExitCode.USAGE));
    }
}
