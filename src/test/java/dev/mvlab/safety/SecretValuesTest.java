package dev.mvlab.safety;

import dev.mvlab.testing.MvlabRun;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.template.Secrets;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.ProjectCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tb_secret()/tb_var() as Tinybird does them: the SQL holds the placeholder {@code {name: String}}, the value goes
 * beside the query when a statement that needs it runs. The tests look for the value everywhere it could leak: the
 * rendered SQL, the plan, the server's definitions (system.tables, SHOW CREATE) and every file of the engine's folder
 * (its log and its data). A copy pipe whose secret is not set fails alone.
 */
@ExtendWith(ClickHouseExtension.class)
class SecretValuesTest {
    private static final Path ROOT = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    private static final Path FIXTURE = ROOT.resolve("src/test/resources/secrets");

    /** A fresh value per run, so finding it anywhere means this run leaked it. */
    private final String secret = "opensesame-" + UUID.randomUUID();

    private Path project(Path dir) throws IOException {
        ProjectCopy.of(FIXTURE, dir);
        Files.createDirectories(dir.resolve(".mvlab"));
        Files.writeString(dir.resolve(Secrets.FILE), "api_token=" + secret + "\n");
        return dir;
    }

    @Test
    void renderWritesPlaceholdersNeverValues(@TempDir Path dir, Endpoint endpoint) throws IOException {
        Path project = project(dir);
        MvlabRun render = MvlabRun.mvlab("render", "--project", project.toString());
        assertThat(render.code()).as(render.err()).isZero();
        assertThat(render.out()).doesNotContain(secret)
                .contains("WHERE {api_token: String} = ''")
                .contains("SELECT reverse({api_token: String}) AS reversed_token")
                // a secret that is not set renders too: only the statement that runs it fails
                .contains("reverse({never_set_secret: String})")
                // tb_var with a default and no value gives the default, as in Tinybird
                .contains("'eu' AS region");
        MvlabRun plan = MvlabRun.inDatabase(project, endpoint, "secrets_render", "apply", "--dry-run");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out() + plan.err()).doesNotContain(secret);
    }

    @Test
    void applyGoesOnACopyRunsWithItsSecretAndOneWithoutFailsAlone(@TempDir Path dir, Endpoint endpoint, Database db)
            throws IOException {
        Path project = project(dir);
        String database = db.name();
        MvlabRun apply = MvlabRun.inDatabase(project, endpoint, database, "apply");
        assertThat(apply.code()).as(apply.out() + apply.err()).isZero();
        db.execute("INSERT INTO " + database + ".events VALUES ('a', 1), ('b', 2), ('c', 3)");

        MvlabRun copy = MvlabRun.inDatabase(project, endpoint, database, "copy", "copy_with_secret");
        assertThat(copy.code()).as(copy.out() + copy.err()).isZero();
        QueryResult copied = db.query("SELECT reversed_token, rows FROM " + database + ".copied");
        assertThat(copied.rows()).hasSize(1);
        assertThat(new StringBuilder((String) copied.rows().get(0).get(0)).reverse().toString()).isEqualTo(secret);
        assertThat(((Number) copied.rows().get(0).get(1)).longValue()).isEqualTo(3);

        MvlabRun missing = MvlabRun.inDatabase(project, endpoint, database, "copy", "copy_without_secret");
        assertThat(missing.code()).isEqualTo(3);
        assertThat(missing.err()).contains("secret `never_set_secret` is not set; the copy of pipe "
                        + "copy_without_secret (pipes/copy_without_secret.pipe:1) needs it")
                .contains("TB_SECRET_never_set_secret").contains(".mvlab/secrets.properties")
                .doesNotContain("Exception:").doesNotContain("\tat ");
        assertThat(db.queryLong("SELECT count() FROM " + database + ".copied")).isEqualTo(1);

        // the endpoint is a view that keeps the placeholder; the server's definitions never hold the value
        String showCreate = (String) db.query("SHOW CREATE TABLE " + database + ".guarded").scalar();
        assertThat(showCreate).contains("{api_token:String}").doesNotContain(secret);
        List<String> definitions = db.query("SELECT create_table_query FROM system.tables WHERE database = ?",
                database).rows().stream().map(r -> (String) r.get(0)).toList();
        assertThat(definitions).hasSize(5).noneMatch(d -> d.contains(secret));
        assertThat(engineFilesHolding(secret)).isEmpty();

        MvlabRun again = MvlabRun.inDatabase(project, endpoint, database, "apply");
        assertThat(again.code()).as(again.out() + again.err()).isZero();
    }

    @Test
    void checkReportsTheMissingSecretAloneAndRunsTheRest(@TempDir Path dir, Endpoint endpoint) throws IOException {
        Path project = project(dir);
        MvlabRun check = MvlabRun.mvlab("check", "--project", project.toString(), "--engine", "url", "--url",
                endpoint.httpUrl());
        assertThat(check.code()).isEqualTo(3);
        String all = check.out() + check.err();
        assertThat(all).contains("copy_without_secret").contains("secret `never_set_secret` is not set")
                .doesNotContain(secret);
        assertThat(all.lines().filter(l -> l.contains("is not set")).count()).isEqualTo(1);
        assertThat(all).doesNotContain("guarded:").doesNotContain("copy_with_secret:");
    }

    @Test
    void aMaterializedPipeUsingASecretIsRefusedAtTheSecretsLine(@TempDir Path dir) throws IOException {
        Path project = project(dir);
        Files.writeString(project.resolve("pipes/leaky_mv.pipe"), """
                NODE leaky
                SQL >
                    %
                    SELECT name,
                        toInt64(length({{ tb_secret('api_token') }})) AS total
                    FROM events

                TYPE materialized
                DATASOURCE totals
                """);
        MvlabRun render = MvlabRun.mvlab("render", "--project", project.toString());
        assertThat(render.code()).isEqualTo(3);
        assertThat(render.err()).contains("pipes/leaky_mv.pipe:5:").contains("materialized pipe `leaky_mv` uses the "
                + "secret `api_token`").contains("copy pipes and endpoints").doesNotContain(secret);
    }

    /** Files of the test engines' folders (logs, metadata, data) whose bytes contain {@code text}. */
    private static List<Path> engineFilesHolding(String text) throws IOException {
        Path engines = ROOT.resolve("target/test-engines");
        List<Path> holding = new ArrayList<>();
        if (!Files.isDirectory(engines)) {
            return holding;
        }
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(engines)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    if (Files.size(file) < 64L << 20 && contains(Files.readAllBytes(file), needle)) {
                        holding.add(file);
                    }
                } catch (IOException e) {
                    // a file the engine removed meanwhile holds nothing
                }
            }
        }
        return holding;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
