package dev.mvlab.datafileformat;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.testing.MvlabRun;
import dev.mvlab.testing.ProjectCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** mvlab fmt: golden layouts, idempotence and unchanged meaning over every fixture datafile, --check, safe failure. */
class DatafileFormatTest {
    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final Path GOLDEN = RESOURCES.resolve("datafileformat");

    @Test
    void messyDatafilesComeOutAsTheGoldenFiles() throws IOException {
        for (String name : List.of("events.datasource", "daily.pipe", "kinds_mat.pipe")) {
            String messy = Files.readString(GOLDEN.resolve("messy").resolve(name));
            assertThat(DatafileFormatter.format(name, messy)).as(name)
                    .isEqualTo(Files.readString(GOLDEN.resolve("expected").resolve(name)));
        }
    }

    @Test
    void everyFixtureDatafileKeepsItsMeaningAndASecondFormatChangesNothing() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            files = walk.filter(Files::isRegularFile).filter(DatafileMeaning::isDatafile).sorted().toList();
        }
        int parsed = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            Object before;
            try {
                before = DatafileMeaning.of(file, text);
            } catch (MvlabException | java.io.UncheckedIOException e) {
                continue; // a fixture that is broken on purpose: fmt refuses it (tested below)
            }
            parsed++;
            String once = DatafileFormatter.format(file.getFileName().toString(), text);
            assertThat(DatafileFormatter.format(file.getFileName().toString(), once)).as(file + " idempotent")
                    .isEqualTo(once);
            assertThat(DatafileMeaning.of(file, once)).as(file + " same model").isEqualTo(before);
        }
        assertThat(parsed).isGreaterThan(100);
    }

    @Test
    void checkListsTheFilesToFormatAndPassesOnFmtsOwnOutput(@TempDir Path dir) throws IOException {
        Path project = ProjectCopy.tree(GOLDEN.resolve("messy"), dir.resolve("p"));
        MvlabRun check = MvlabRun.mvlab("fmt", "--check", project.toString());
        assertThat(check.code()).as(check.output()).isEqualTo(1);
        assertThat(check.out()).contains("would reformat " + project.resolve("daily.pipe"))
                .contains("would reformat " + project.resolve("events.datasource"));
        assertThat(Files.readString(project.resolve("daily.pipe")))
                .isEqualTo(Files.readString(GOLDEN.resolve("messy/daily.pipe")));

        MvlabRun diff = MvlabRun.mvlab("fmt", "--diff", project.resolve("events.datasource").toString());
        assertThat(diff.code()).isEqualTo(1);
        assertThat(diff.out()).contains("@@").contains("-ENGINE   MergeTree").contains("+ENGINE \"MergeTree\"");

        MvlabRun write = MvlabRun.mvlab("fmt", project.toString());
        assertThat(write.code()).as(write.output()).isZero();
        assertThat(Files.readString(project.resolve("daily.pipe")))
                .isEqualTo(Files.readString(GOLDEN.resolve("expected/daily.pipe")));
        assertThat(MvlabRun.mvlab("fmt", "--check", project.toString()).code()).isZero();
        try (Stream<Path> left = Files.list(project)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void aFileThatDoesNotParseIsReportedAndLeftIntactWhileTheOthersAreFormatted(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.datasource");
        String text = "SCHEMA >\n  `a` String\n\nENGIN   MergeTree\n";
        Files.writeString(broken, text);
        Path good = Files.writeString(dir.resolve("good.pipe"), "NODE n\nSQL >\n  SELECT 1\n");
        MvlabRun run = MvlabRun.mvlab("fmt", dir.toString());
        assertThat(run.code()).as(run.output()).isEqualTo(3);
        assertThat(run.err()).contains(broken + ":4:1");
        assertThat(Files.readString(broken)).isEqualTo(text);
        assertThat(Files.readString(good)).isEqualTo("NODE n\nSQL >\n    SELECT 1\n");
    }

    @Test
    void aPathThatIsNotADatafileIsAUsageError(@TempDir Path dir) throws IOException {
        Path yaml = Files.writeString(dir.resolve("x.yaml"), "a: 1\n");
        assertThat(MvlabRun.mvlab("fmt", yaml.toString()).code()).isEqualTo(2);
        assertThat(MvlabRun.mvlab("fmt", dir.resolve("missing.pipe").toString()).code()).isEqualTo(2);
    }
}
