package dev.mvlab.safety;

import dev.mvlab.cli.Main;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.serve.AppendLedger;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.mvlab.testing.MvlabRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvlab append} killed mid-way (a real mvlab process, SIGKILL) and run again stores every row of the file
 * once; a file appended in full is not appended again unless {@code --again}; stdin is not tracked.
 */
@ExtendWith(ClickHouseExtension.class)
class AppendResumeTest {
    private static final int ROWS = 200_000;

    private static Path project(Path dir, Endpoint endpoint, String database) throws Exception {
        Files.createDirectories(dir.resolve("datasources"));
        Files.writeString(dir.resolve("datasources/lines.datasource"), """
                SCHEMA >
                    `id` UInt32,
                    `note` String

                ENGINE "MergeTree"
                ENGINE_SORTING_KEY "id"
                """);
        MvlabRun apply = MvlabRun.inDatabase(dir, endpoint, database, "apply");
        assertThat(apply.code()).as(apply.err()).isZero();
        return dir;
    }

    /** The big file's rows in the table (the other tests' rows left out). */
    private static long stored(Database db) {
        return db.queryLong("SELECT count() FROM lines WHERE note LIKE 'row %'");
    }

    @Test
    void anAppendKilledMidwayResumesAndEveryRowIsStoredOnce(Database db, Endpoint endpoint, @TempDir Path temp)
            throws Exception {
        Path project = project(temp.resolve("project"), endpoint, db.name());
        Path file = temp.resolve("rows.ndjson");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < ROWS; i++) {
                out.write("{\"id\":" + i + ",\"note\":\"row " + i + " of the file to append\"}\n");
            }
        }
        List<String> args = List.of("java", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "append", "lines", file.toString(), "--batch-bytes", "65536",
                "-d", db.name(), "--project", project.toString(), "--engine", "url", "--url", endpoint.httpUrl());
        Process run = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(temp.resolve("out.txt")
                .toFile()).start();
        run.getOutputStream().close();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (stored(db) < 20_000 && System.nanoTime() < deadline && run.isAlive()) {
            Thread.sleep(50);
        }
        run.destroyForcibly(); // SIGKILL: no shutdown hook, a batch may be on its way
        run.waitFor();
        long killedAt = stored(db);
        assertThat(killedAt).as(Files.readString(temp.resolve("out.txt"))).isBetween(20_000L, ROWS - 1L);

        MvlabRun resumed = MvlabRun.inDatabase(project, endpoint, db.name(), "append", "lines", file.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).containsPattern("rows\\.ndjson: resumed at row [\\d,]+ \\(the interrupted append "
                + "stored [\\d,]+ rows in [\\d,]+ batches").contains("200,000 rows appended to lines, 0 quarantined");
        assertThat(stored(db)).isEqualTo(ROWS);
        assertThat(db.queryLong("SELECT uniqExact(id) FROM lines WHERE note LIKE 'row %'")).isEqualTo(ROWS);

        MvlabRun twice = MvlabRun.inDatabase(project, endpoint, db.name(), "append", "lines", file.toString());
        assertThat(twice.code()).as(twice.err()).isZero();
        assertThat(twice.out()).contains("rows.ndjson: already appended to lines (200,000 rows, 0 quarantined, ")
                .contains("nothing to do; --again appends another copy");
        assertThat(stored(db)).isEqualTo(ROWS);

        Path renamed = Files.copy(file, temp.resolve("same-content.ndjson"));
        assertThat(MvlabRun.inDatabase(project, endpoint, db.name(), "append", "lines", renamed.toString()).out())
                .contains("same-content.ndjson: already appended to lines");

        MvlabRun again = MvlabRun.inDatabase(project, endpoint, db.name(), "append", "lines", file.toString(), "--again");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("rows.ndjson: appending copy 2 of this file (--again)");
        assertThat(stored(db)).isEqualTo(2L * ROWS);
    }

    @Test
    void stdinIsNotTrackedSoTheSameDataSentTwiceIsStoredTwice(Database db, Endpoint endpoint, @TempDir Path temp)
            throws Exception {
        Path project = project(temp.resolve("project"), endpoint, db.name());
        String rows = "{\"id\":1,\"note\":\"stdin\"}\n{\"id\":2,\"note\":\"stdin\"}\n";
        InputStream stdin = System.in;
        try {
            for (int i = 0; i < 2; i++) {
                System.setIn(new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)));
                MvlabRun run = MvlabRun.inDatabase(project, endpoint, db.name(), "append", "lines", "-", "--format", "ndjson");
                assertThat(run.code()).as(run.err()).isZero();
                assertThat(run.out()).contains("-: stdin is not tracked: an interrupted append from it cannot "
                        + "resume, and the same data sent again is stored again");
            }
        } finally {
            System.setIn(stdin);
        }
        assertThat(db.queryLong("SELECT count() FROM lines WHERE note = 'stdin'")).isEqualTo(4);
    }

    @Test
    void aFileChangedAfterAnInterruptedAppendIsAppendedInFullWithAWarning(Database db, Endpoint endpoint,
                                                                         @TempDir Path temp) throws Exception {
        Path project = project(temp.resolve("project"), endpoint, db.name());
        Path file = temp.resolve("edited.ndjson");
        Files.writeString(file, "{\"id\":1,\"note\":\"v1\"}\n{\"id\":2,\"note\":\"v1\"}\n");
        // what an append of the first version leaves when it is killed before its first batch is committed
        new AppendLedger(project.resolve(".mvlab").resolve("append"), db, "lines")
                .start(AppendLedger.FileIdentity.of(file), file.toString(), 1, 1 << 20);
        Files.writeString(file, "{\"id\":1,\"note\":\"v2\"}\n");
        MvlabRun run = MvlabRun.inDatabase(project, endpoint, db.name(), "append", "lines", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: " + file + ": an append of this file with other content was "
                + "interrupted after 0 rows, which stay in lines; the content is new now, so all its rows are "
                + "appended");
        assertThat(run.out()).doesNotContain("resumed");
        assertThat(db.queryLong("SELECT count() FROM lines WHERE note = 'v2'")).isEqualTo(1);
    }
}
