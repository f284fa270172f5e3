package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import dev.mvlab.testing.ProjectCopy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's workshop project: apply it, generate products and events, and the views agree with the stream. */
@ExtendWith(ClickHouseExtension.class)
class GenerateWorkshopTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    @TempDir
    static Path project;

    private static String mvlab(Endpoint endpoint, String database, String... args) {
        List<String> all = MvlabRun.onEngine(endpoint, args);
        all.addAll(List.of("--project", project.toString(), "--database", database));
        MvlabRun run = MvlabRun.mvlab(all);
        assertThat(run.code()).as(String.join(" ", args) + "\n" + run.output()).isZero();
        return run.out();
    }

    @Test
    void theWorkshopProjectTakesTheStreamAndItsViewsAgree(Database db, Endpoint endpoint) {
        ProjectCopy.of(REPOSITORY, project); // generate keeps its checkpoint in the project's .mvlab/
        mvlab(endpoint, db.name(), "apply");
        mvlab(endpoint, db.name(), "generate", "products");
        String summary = mvlab(endpoint, db.name(), "generate", "-n", "100000", "--seed", "3", "--batch-size", "20000");
        assertThat(summary).contains(db.name() + ".estore_events: 100000 events").contains("estore_events_dedup")
                .contains("purchases");

        assertThat(db.queryLong("SELECT count() FROM estore_events")).isEqualTo(100_000);
        assertThat(db.queryLong("SELECT count() FROM purchases"))
                .isEqualTo(db.queryLong("SELECT count() FROM estore_events WHERE action = 'purchase'"))
                .isGreaterThan(9000);
        assertThat(db.queryLong("SELECT count() FROM estore_events_dedup FINAL"))
                .isEqualTo(db.queryLong("SELECT count() FROM (SELECT DISTINCT * FROM estore_events)"))
                .isLessThan(100_000 - 1500);
        assertThat(db.queryLong("SELECT countIf(e.price != p.price) FROM estore_events AS e "
                + "INNER JOIN products AS p ON e.product_id = p.product_id WHERE e.action = 'purchase'")).isZero();
    }
}
