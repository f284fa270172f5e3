package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.clickhouse.QueryParameters;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.render.SecretParameters;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.Statement;
import dev.mvlab.render.StatementKind;

import java.util.List;

/**
 * Runs a copy pipe once, as Tinybird's scheduler would: TRUNCATE first in COPY_MODE replace, then INSERT SELECT. The
 * secrets its SQL uses go with the INSERT as query parameters; when one is not set nothing runs (not even the TRUNCATE).
 */
public final class Copy {
    private final Database server;
    private final SqlRenderer renderer;

    public Copy(Database server, SqlRenderer renderer) {
        this.server = server;
        this.renderer = renderer;
    }

    public CopyResult run(ProjectGraph graph, String pipe, String database) {
        ProjectObject object = graph.object(pipe).filter(o -> o.kind() == ObjectKind.COPY).orElseThrow(() ->
                new MvlabException(ExitCode.USAGE, "`" + pipe + "` is not a copy pipe", "copy pipes: " + String.join(
                        ", ", graph.objects().stream().filter(o -> o.kind() == ObjectKind.COPY)
                                .map(ProjectObject::name).toList())));
        List<Statement> statements = renderer.create(graph, object);
        boolean replace = statements.stream().anyMatch(s -> s.kind() == StatementKind.TRUNCATE_TABLE);
        SecretParameters secrets = SecretParameters.forProject(graph.project().root());
        List<QueryParameters> parameters = statements.stream().map(secrets::of).toList();
        try (Database target = server.use(database)) {
            String count = "SELECT count() FROM " + Identifiers.quote(object.writes());
            long before = target.queryLong(count);
            for (int i = 0; i < statements.size(); i++) {
                Statement statement = statements.get(i);
                try {
                    target.execute(statement.sql(), parameters.get(i));
                } catch (DatabaseException e) {
                    throw Failures.at(statement, e);
                }
            }
            return new CopyResult(pipe, object.writes(), replace, before, target.queryLong(count));
        }
    }
}
