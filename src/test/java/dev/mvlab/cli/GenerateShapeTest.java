package dev.mvlab.cli;

import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** generate into a landing data source the e-store events do not fit names the JSONPaths instead of empty rows. */
class GenerateShapeTest {
    @Test
    void aLandingDataSourceOfAnotherShapeIsRefusedWithItsJsonPaths(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("datasources"));
        Files.writeString(project.resolve("datasources/clicks.datasource"), """
                SCHEMA >
                    `session` String `json:$.session.id`,
                    `url` String `json:$.page.url`

                ENGINE_SORTING_KEY session
                """);
        MvlabRun run = MvlabRun.mvlab("generate", "-n", "10", "--project", project.toString(), "--engine", "url",
                "--url", "http://127.0.0.1:1");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: the e-store events fill none of the JSONPaths of 'clicks' "
                + "(session ($.session.id), url ($.page.url)); the events carry $.customer_id,")
                .contains("hint: ").contains("FORMAT JSONEachRow");
        assertThat(run.out()).isEmpty();
    }
}
