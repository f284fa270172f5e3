package dev.mvlab.report;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.lesson.LessonResult;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;
import dev.mvlab.verify.Check;
import dev.mvlab.verify.Verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the pages: a lesson run's, a project's, and a report's index. Each returns the bytes written. */
public final class PageFiles {
    private PageFiles() {
    }

    /** The page of a finished lesson run; the lineage is read from the lesson's database as the run left it. */
    public static long lesson(LessonResult result, Database server, Path file) {
        if (server == null || result.lesson().cluster() != null) {
            // a cluster lesson's tables are on the local cluster's nodes (stopped when the lesson started it)
            return write(file, LessonPage.html(result, new Lineage(List.of(), List.of())));
        }
        try (Database db = server.use(result.database())) {
            return write(file, LessonPage.html(result, LineageReader.read(db, LessonPage.focus(result))));
        }
    }

    /** A project page written: its size, and how many checks differ from their expectation or could not run. */
    public record ProjectPageFile(long bytes, long unexpected) {
    }

    /** The page of a project: lineage, each object's SQL, and its checks run on {@code db}. */
    public static ProjectPageFile project(String title, ProjectGraph graph, SqlRenderer renderer, List<Check> checks,
                               Database db, Path file) {
        Map<String, List<Statement>> sql = new LinkedHashMap<>();
        for (ProjectObject object : graph.applyOrder()) {
            sql.put(object.name(), renderer.create(graph, object));
        }
        Verifier verifier = new Verifier();
        List<ProjectPage.CheckOutcome> outcomes = new ArrayList<>();
        for (Check check : checks) {
            try {
                outcomes.add(new ProjectPage.CheckOutcome(check.name(), verifier.verify(check, db), null));
            } catch (MvlabException e) {
                outcomes.add(new ProjectPage.CheckOutcome(check.name(), null, e.getMessage()));
            }
        }
        long unexpected = outcomes.stream().filter(o -> o.result() == null || !o.result().asExpected()).count();
        return new ProjectPageFile(write(file, ProjectPage.html(title, graph, sql, outcomes, db.name())), unexpected);
    }

    public static long index(ReportIndex index, Path file) {
        return write(file, index.html());
    }

    static long write(Path file, String html) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            Path part = parent.resolve(file.getFileName() + ".part");
            Files.write(part, bytes);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            return bytes.length;
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, file + ": cannot write the page: " + e.getMessage());
        }
    }
}
