package dev.mvlab.safety;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.lesson.GeneratorEventSource;
import dev.mvlab.lesson.Lesson;
import dev.mvlab.lesson.LessonCatalog;
import dev.mvlab.lesson.LessonListener;
import dev.mvlab.lesson.LessonResult;
import dev.mvlab.lesson.LessonRunner;
import dev.mvlab.lesson.ProjectDeployer;
import dev.mvlab.lesson.RunOptions;
import dev.mvlab.model.Project;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.DroppingProxy;
import dev.mvlab.testing.MvlabRun;
import dev.mvlab.verify.Verdict;
import dev.mvlab.verify.Verifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply lost on the way back (the server ran the statement, the client never heard) must not make mvlab run the
 * statement twice: a real TCP proxy between mvlab and the engine drops exactly one reply.
 */
@ExtendWith(ClickHouseExtension.class)
class LostReplyTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static Database db;
    static DroppingProxy proxy;
    static Endpoint engineEndpoint;

    @TempDir
    static Path checkpoints;

    @BeforeAll
    static void setUp(Database database, Endpoint engine) throws IOException {
        db = database;
        engineEndpoint = engine;
        proxy = new DroppingProxy(URI.create(engine.httpUrl()).getPort());
    }

    @AfterAll
    static void tearDown() throws IOException {
        proxy.close();
    }

    @Test
    void sqlInsertWhoseReplyIsLostRunsOnceAndSaysSo() {
        db.execute("CREATE TABLE lost (x UInt8) ENGINE = MergeTree ORDER BY x");
        int before = proxy.dropped();
        proxy.dropReplyTo("INSERT INTO lost");
        // the engine's key in the URL: only the engine's own port is known to mvlab without one
        String proxied = "http://" + java.net.URLEncoder.encode(engineEndpoint.user(), java.nio.charset.StandardCharsets.UTF_8)
                + ":" + java.net.URLEncoder.encode(engineEndpoint.password(), java.nio.charset.StandardCharsets.UTF_8)
                + "@127.0.0.1:" + proxy.port();
        MvlabRun run = MvlabRun.mvlab("sql", "INSERT INTO lost SELECT 1", "--engine", "url", "--url", proxied,
                "--database", db.name());

        assertThat(proxy.dropped()).isEqualTo(before + 1);
        assertThat(db.queryLong("SELECT count() FROM lost")).isEqualTo(1);
        assertThat(run.code()).as(run.output()).isEqualTo(4);
        assertThat(run.err()).contains("may or may not have run").doesNotContain("Exception");
    }

    @Test
    void lessonTwoBackfillWhoseReplyIsLostStillMatches() {
        Lesson lesson = new LessonCatalog(REPO).all().stream().filter(l -> l.number() == 2).findFirst().orElseThrow();
        Project project = ProjectLoader.load(REPO);
        LessonRunner runner = new LessonRunner(new ProjectDeployer(project, new SqlRenderer(new SqlTemplates(null))),
                new GeneratorEventSource(project, checkpoints), new Verifier());
        int before = proxy.dropped();
        proxy.dropReplyTo("WHERE _part IN (");
        try (Database server = Database.connect(new Endpoint("127.0.0.1", proxy.port(), false,
                engineEndpoint.user(), engineEndpoint.password()), db.name())) {
            LessonResult result = runner.run(lesson, server, new RunOptions(null, null, false, db.name() + "_l2"),
                    LessonListener.NONE);
            assertThat(proxy.dropped()).isEqualTo(before + 1);
            assertThat(result.unexpected()).isEmpty();
            assertThat(result.verdicts().get(result.verdicts().size() - 1).result().verdict())
                    .isEqualTo(Verdict.MATCH);
        } finally {
            db.dropDatabase(db.name() + "_l2");
        }
    }
}
