package dev.mvlab.serve;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.HttpQueries;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;

import java.util.List;
import java.util.Map;

/**
 * An endpoint called without a server ({@code mvlab pipe data}): what {@code GET /v0/pipes/NAME.json?k=v} would
 * answer, as rows or as the API's own body. The API's statuses become exit codes here: a request the API refuses (400,
 * 404) is a usage error (exit 2), anything else a database error (exit 4).
 */
public final class PipeCall {
    private final ProjectEndpoints endpoints;
    private final Database db;

    public PipeCall(ProjectGraph graph, Database db) {
        this.endpoints = new ProjectEndpoints(graph);
        this.db = db;
    }

    /** The endpoint's result as rows (for a table on a terminal). */
    public QueryResult rows(String pipe, Map<String, List<String>> params) {
        Endpoints.Call call = call(pipe, params);
        return db.run(call.sql(), call.secrets());
    }

    /** The endpoint's result as the API's body in that format (JSON in Tinybird's shape, CSV with names, ...). */
    public String body(String pipe, Map<String, List<String>> params, OutputFormat format) {
        Endpoints.Call call = call(pipe, params);
        try {
            return new QueryRunner(new HttpQueries(db.endpoint()), db.name()).select(call.sql(), format, call.secrets())
                    .text();
        } catch (ApiException e) {
            throw exitError(e);
        }
    }

    /**
     * What serve answers to {@code GET /v0/pipes/NAME.format?params}, refusals included: the status, content type and
     * body (Tinybird's {@code {"error": ...}} for a 400 or 404).
     */
    public ApiReply reply(String pipe, Map<String, List<String>> params, OutputFormat format) {
        try {
            Endpoints.Call call = endpoints.call(pipe, params);
            return new QueryRunner(new HttpQueries(db.endpoint()), db.name()).select(call.sql(), format,
                    call.secrets());
        } catch (ApiException e) {
            return ApiReply.of(e);
        }
    }

    /** The names of the project's endpoints. */
    public List<String> endpointNames() {
        return endpoints.list().stream().map(Endpoints.Endpoint::name).toList();
    }

    private Endpoints.Call call(String pipe, Map<String, List<String>> params) {
        try {
            return endpoints.call(pipe, params);
        } catch (ApiException e) {
            throw exitError(e);
        }
    }

    static MvlabException exitError(ApiException e) {
        return new MvlabException(e.status() == 404 || e.status() == 400 ? ExitCode.USAGE : ExitCode.DATABASE,
                e.getMessage(), e.status() == 404 ? "list the endpoints: mvlab serve, then GET /v0/pipes" : null);
    }
}
