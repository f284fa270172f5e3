package dev.mvlab.lesson;

import dev.mvlab.backfill.PartSnapshotBackfill;
import dev.mvlab.deploy.AppliedStatement;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.deploy.ApplyResult;
import dev.mvlab.deploy.AppliedStatement.Action;
import dev.mvlab.deploy.Copy;
import dev.mvlab.deploy.CopyResult;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.Project;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lesson's {@link Deployer} over the deploy service. {@code apply} creates the named data sources and pipes
 * <em>and everything they need</em> (the tables a pipe reads and writes, the pipes that define a table inline, the
 * endpoints a pipe reads), in the graph's apply order, through {@link Apply}: objects already there as the files
 * define them are left alone, so a lesson lists only what it wants to show and may apply a name twice.
 * It never pulls what a name feeds: applying {@code estore_events} creates no view.
 */
public final class ProjectDeployer implements Deployer {
    private final Project project;
    private final ProjectGraph graph;
    private final SqlRenderer renderer;

    public ProjectDeployer(Project project, SqlRenderer renderer) {
        this.project = project;
        this.graph = GraphBuilder.build(project);
        this.renderer = renderer;
    }

    @Override
    public List<String> unknownNames(List<String> names) {
        return names.stream().filter(n -> graph.object(n).isEmpty()).toList();
    }

    @Override
    public ApplyOutcome apply(ApplyRequest request, Database db) {
        Set<String> needed = closure(request.names());
        ProjectGraph sub = GraphBuilder.build(new Project(project.root(),
                project.datasources().stream().filter(d -> needed.contains(d.name())).toList(),
                project.pipes().stream().filter(p -> needed.contains(p.name())).toList(), List.of()));
        PartSnapshotBackfill backfill = request.backfill() ? PartSnapshotBackfill.prepare(sub, renderer, db) : null;
        ApplyResult result;
        try {
            result = new Apply(db, renderer).run(sub, db.name(), ApplyOptions.DEFAULT);
        } catch (RuntimeException e) {
            if (backfill != null) {
                backfill.release();
            }
            throw e;
        }
        List<String> statements = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<ApplyOutcome.Created> created = new ArrayList<>();
        for (AppliedStatement step : result.steps()) {
            if (step.action() == Action.CREATED || step.action() == Action.RECREATED) {
                statements.add(step.statement().sql());
                String name = step.statement().object();
                created.add(new ApplyOutcome.Created(name, graph.object(name).map(o -> o.inlineTable()
                        ? "table (inline)" : o.kind().label()).orElse("object"), step.statement().source(),
                        step.statement().sql(), request.names().contains(name)));
            } else if (step.action() == Action.UNCHANGED) {
                unchanged.add(step.statement().object());
            }
        }
        List<String> notes = new ArrayList<>();
        if (!unchanged.isEmpty()) {
            notes.add("already in place, left as they are: " + String.join(", ", unchanged));
        }
        if (backfill != null) {
            PartSnapshotBackfill.Outcome done = backfill.run(result.steps().stream()
                    .filter(s -> s.action() == Action.CREATED).map(s -> s.statement().object()).toList());
            statements.addAll(done.statements());
            notes.addAll(done.notes());
        }
        return new ApplyOutcome(statements, notes, created);
    }

    /** The names, plus everything they need to exist first, transitively. */
    Set<String> closure(List<String> names) {
        Set<String> needed = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(names);
        while (!queue.isEmpty()) {
            String name = queue.poll();
            ProjectObject object = graph.object(name).orElse(null);
            if (object == null || !needed.add(name)) {
                continue;
            }
            queue.addAll(object.needs());
            if (object.inlineTable()) {
                graph.objects().stream().filter(o -> o.kind() == ObjectKind.MATERIALIZED_VIEW
                        && name.equals(o.writes())).forEach(o -> queue.add(o.name()));
            }
        }
        return needed;
    }

    /** Drops only the named objects (what reads them is not dropped), views before tables. */
    @Override
    public ApplyOutcome drop(List<String> names, Database db) {
        List<String> statements = new ArrayList<>();
        for (ProjectObject object : graph.dropOrder()) {
            if (names.contains(object.name())) {
                Statement statement = renderer.drop(graph, object);
                db.execute(statement.sql());
                statements.add(statement.sql());
            }
        }
        return new ApplyOutcome(statements, List.of());
    }

    /** Runs a copy pipe once, as its schedule would ({@code mvlab copy}). */
    public ApplyOutcome copy(String pipe, Database db) {
        ProjectObject object = graph.object(pipe).orElseThrow();
        List<String> statements = renderer.create(graph, object).stream().map(Statement::sql).toList();
        CopyResult result = new Copy(db, renderer).run(graph, pipe, db.name());
        return new ApplyOutcome(statements, List.of("copied " + result.rowsWritten() + " rows into "
                + result.target() + " (" + result.rowsBefore() + " before, " + result.rowsAfter() + " after)"));
    }
}
