package dev.mvlab.safety;

import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code render --out DIR} into a folder of the user's own migrations: only mvlab's files come and go. */
class RenderOutTest {
    static final String ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath().toString();


    private static MvlabRun mvlab(String... args) {
        return MvlabRun.mvlab(args);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theUsersFilesSurviveEveryRender(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("000001_create_users.up.sql"), "CREATE TABLE users (id UInt64) ENGINE = Log;\n");
        Files.writeString(dir.resolve("000001_create_users.down.sql"), "DROP TABLE users;\n");
        Files.writeString(dir.resolve("02_seed.sql"), "INSERT INTO users VALUES (1);\n");

        assertThat(mvlab("render", "--project", ROOT, "--out", dir.toString()).code()).isZero();
        assertThat(names(dir)).hasSize(3 + 30 + 1).contains("01_table_estore_events.sql", ".mvlab-render.sha256");

        MvlabRun fewer = mvlab("render", "--project", ROOT, "--out", dir.toString(), "purchases_mv");
        assertThat(fewer.code()).as(fewer.err()).isZero();
        assertThat(names(dir)).containsExactly(".mvlab-render.sha256", "000001_create_users.down.sql",
                "000001_create_users.up.sql", "01_mv_purchases_mv.sql", "02_seed.sql");
        assertThat(Files.readString(dir.resolve("000001_create_users.up.sql"))).startsWith("CREATE TABLE users");
        assertThat(Files.readString(dir.resolve("02_seed.sql"))).startsWith("INSERT INTO users");
    }

    @Test
    void aFileMvlabDidNotWriteIsNeverOverwritten(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01_table_estore_events.sql"), "-- mine\n");
        MvlabRun run = mvlab("render", "--project", ROOT, "--out", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("01_table_estore_events.sql exists and mvlab did not write it");
        assertThat(names(dir)).containsExactly("01_table_estore_events.sql");
        assertThat(Files.readString(dir.resolve("01_table_estore_events.sql"))).isEqualTo("-- mine\n");
    }

    @Test
    void aFileEditedSinceMvlabWroteItIsKept(@TempDir Path dir) throws IOException {
        assertThat(mvlab("render", "--project", ROOT, "--out", dir.toString()).code()).isZero();
        Files.writeString(dir.resolve("26_mv_purchases_mv.sql"), "-- my edit\n", java.nio.file.StandardOpenOption.APPEND);
        MvlabRun run = mvlab("render", "--project", ROOT, "--out", dir.toString(), "purchases_mv");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("26_mv_purchases_mv.sql was changed since mvlab wrote it");
        assertThat(Files.readString(dir.resolve("26_mv_purchases_mv.sql"))).endsWith("-- my edit\n");
        assertThat(names(dir)).hasSize(31);
    }
}
