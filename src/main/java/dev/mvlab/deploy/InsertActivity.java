package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.ServerCatalog;

import java.time.Duration;
import java.util.List;

/**
 * Whether a table receives inserts now: an INSERT naming it is running, or its row count grows within a short
 * window. Used before a step that would lose rows inserted while it runs (dropping and creating a materialized view).
 */
final class InsertActivity {
    static final Duration WINDOW = Duration.ofMillis(1500);

    private InsertActivity() {
    }

    /** The tables of {@code tables} that receive inserts, watched together for {@link #WINDOW}. */
    static List<String> receiving(Database server, String database, List<String> tables) {
        if (tables.isEmpty()) {
            return List.of();
        }
        List<Long> before = tables.stream().map(t -> rows(server, database, t)).toList();
        sleep(WINDOW);
        return tables.stream().filter(t -> running(server, database, t)
                || rows(server, database, t) != before.get(tables.indexOf(t))).toList();
    }

    private static long rows(Database server, String database, String table) {
        return ServerCatalog.of(server).activeRows(database, table);
    }

    private static boolean running(Database server, String database, String table) {
        return ServerCatalog.of(server).insertRunning(database, table);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
