package dev.mvlab.safety;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -d} is a database name, never a piece of the connection URL, and never one of ClickHouse's own. */
@ExtendWith(ClickHouseExtension.class)
class DatabaseNameTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static Endpoint endpoint;
    static Database db;

    @BeforeAll
    static void setUp(Database database, Endpoint engine) {
        db = database;
        endpoint = engine;
    }


    private static MvlabRun mvlab(String... args) {
        return MvlabRun.mvlab(MvlabRun.onEngine(endpoint, args));
    }

    @Test
    void aValidNameIsTheDatabaseTheStatementsRunIn() {
        MvlabRun run = mvlab("sql", "SELECT currentDatabase() AS db", "-d", db.name(), "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains(db.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default?database=" + "mvlab", "../system", "default/../system", "a b", "x;DROP", ""})
    void aNameThatIsNotANameIsRefused(String name) {
        MvlabRun run = mvlab("sql", "SELECT currentDatabase()", "-d", name);
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("invalid database name").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "INFORMATION_SCHEMA", "information_schema"})
    void clickHousesOwnDatabasesAreNeverATarget(String name) {
        MvlabRun run = mvlab("sql", "SELECT currentDatabase()", "-d", name);
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("belongs to ClickHouse itself");
    }

    @Test
    void applyIntoAUrlShapedNameChangesNothingAnywhere() {
        String victim = db.name() + "_victim";
        db.createDatabase(victim);
        try {
            MvlabRun run = mvlab("apply", "--project", REPO.toString(), "-d", "scratch?database=" + victim);
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("invalid database name 'scratch?database=" + victim + "'");
            assertThat(db.queryLong("SELECT count() FROM system.tables WHERE database = ?", victim)).isZero();
            assertThat(db.queryLong("SELECT count() FROM system.databases WHERE name LIKE 'scratch%'")).isZero();
        } finally {
            db.dropDatabase(victim);
        }
    }
}
