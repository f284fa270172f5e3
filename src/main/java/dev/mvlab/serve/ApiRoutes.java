package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.sql.ParameterPlaceholders;
import dev.mvlab.sql.SqlTooComplexException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's routes, Tinybird's paths and shapes: the Events API, pipe endpoints, the SQL API, tokens and listings.
 * Checks the token of every request (Bearer header or {@code ?token=}): 401 without a valid one, 403 outside its
 * scope. The scope of a query is checked on what ClickHouse's analysis says it reads ({@link ScopeCheck}).
 */
public final class ApiRoutes {
    private static final Pattern PIPE = Pattern.compile("^/v0/pipes/([^/]+?)\\.([a-z]+)$");
    private static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final TokenStore tokens;
    private final EventIngest ingest;
    private final Endpoints endpoints;
    private final QueryRunner queries;
    private final Listings listings;
    private final ScopeCheck scopes;

    public ApiRoutes(TokenStore tokens, EventIngest ingest, Endpoints endpoints, QueryRunner queries,
                     Listings listings) {
        this.tokens = tokens;
        this.ingest = ingest;
        this.endpoints = endpoints;
        this.queries = queries;
        this.listings = listings;
        this.scopes = new ScopeCheck(queries.database());
    }

    public ApiReply handle(ApiRequest request) {
        try {
            return route(request);
        } catch (ApiException e) {
            return ApiReply.of(e);
        } catch (SqlTooComplexException e) {
            return ApiReply.error(400, e.getMessage() + ": " + e.hint());
        } catch (MvlabException e) {
            return ApiReply.error(500, e.getMessage());
        }
    }

    private ApiReply route(ApiRequest request) {
        String path = request.path();
        if (path.equals("/tokens") && request.method().equals("GET")) {
            String admin = tokens.admin().value();
            return ApiReply.json(200, Map.of("user_token", admin, "admin_token", admin, "workspace_admin_token", admin));
        }
        if (path.equals("/") || path.equals("/v0/health")) {
            return ApiReply.json(200, Map.of("status", "ok"));
        }
        Token token = authenticate(request);
        if (path.equals("/v0/events")) {
            return events(request, token);
        }
        if (path.equals("/v0/sql")) {
            return sql(request, token);
        }
        if (path.equals("/v0/tokens")) {
            require(token.admin(), "listing tokens needs the admin token");
            return ApiReply.json(200, listings.tokens(tokens));
        }
        if (path.equals("/v0/datasources")) {
            return ApiReply.json(200, listings.datasources(token));
        }
        if (path.equals("/v0/pipes")) {
            return ApiReply.json(200, listings.pipes(token, endpoints));
        }
        Matcher pipe = PIPE.matcher(path);
        if (pipe.matches()) {
            return pipe(request, token, pipe.group(1), pipe.group(2));
        }
        throw ApiException.notFound("Not found: " + request.method() + " " + path);
    }

    private Token authenticate(ApiRequest request) {
        String value = request.param("token");
        String authorization = request.header().apply("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = authorization.substring(7).strip();
        }
        if (value == null || value.isBlank()) {
            throw new ApiException(401, "Missing token: send it as 'Authorization: Bearer <token>' or ?token=<token>");
        }
        return tokens.byValue(value).orElseThrow(() -> new ApiException(401, "Invalid token"));
    }

    private static void require(boolean allowed, String message) {
        if (!allowed) {
            throw new ApiException(403, "Forbidden: " + message);
        }
    }

    private ApiReply events(ApiRequest request, Token token) {
        if (!request.isPost()) {
            throw new ApiException(405, "The Events API takes POST requests");
        }
        String name = request.param("name");
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("Missing the data source: POST /v0/events?name=<data source>");
        }
        require(token.allows(TokenScope.APPEND, name), "the token '" + token.name()
                + "' may not append to the data source '" + name + "'");
        boolean wait = "true".equalsIgnoreCase(request.param("wait"));
        String key = request.header().apply(IDEMPOTENCY_HEADER);
        IngestResult result = ingest.ingest(name, request.body().read(), wait, key == null || key.isBlank() ? null
                : key.strip());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("successful_rows", result.successfulRows());
        body.put("quarantined_rows", result.quarantinedRows());
        if (result.quarantinedRows() > 0) {
            body.put("error", result.quarantinedRows() + " rows went to " + Quarantine.tableOf(name) + ": "
                    + String.join(" | ", result.errors()));
            return ApiReply.json(400, body);
        }
        return ApiReply.json(result.committed() ? 200 : 202, body);
    }

    private ApiReply sql(ApiRequest request, Token token) {
        String q = request.param("q");
        if (q == null && request.isPost()) {
            q = new String(request.body().read(), StandardCharsets.UTF_8);
        }
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("Missing the query: /v0/sql?q=SELECT ...");
        }
        QueryRunner.requireSelect(q);
        QueryRunner.Prepared query = QueryRunner.Prepared.of(q, OutputFormat.JSON);
        QueryRoles roles = queries.roles();
        scopes.requireReadable(token, queries.analyze(query, token.admin() ? roles.adminAnalysis() : roles.analysis()));
        return queries.run(query);
    }

    private ApiReply pipe(ApiRequest request, Token token, String name, String extension) {
        OutputFormat format = OutputFormat.byExtension(extension).orElseThrow(() -> ApiException.badRequest(
                "Unknown format '." + extension + "': use .json, .csv, .ndjson or .parquet"));
        require(token.allows(TokenScope.READ, name), "the token '" + token.name() + "' may not read the pipe '"
                + name + "'");
        Map<String, List<String>> params = new LinkedHashMap<>(request.params());
        if (request.isPost()) {
            params.putAll(bodyParams(request.body().read()));
        }
        params.remove("token");
        List<String> qs = params.remove("q");
        String q = qs == null || qs.isEmpty() ? null : qs.get(0);
        Endpoints.Call call = endpoints.call(name, params);
        String sql = call.sql();
        if (q != null && !q.isBlank()) {
            QueryRunner.requireSelect(q);
            // the endpoint's secrets go with the query: q must not name them
            if (!ParameterPlaceholders.find(q).isEmpty()) {
                throw ApiException.badRequest("q cannot use query parameters ({name: Type}); read the endpoint's "
                        + "result as the table _");
            }
            String standIn = PipeQueryOnTop.standIn(queries.columns(sql, call.secrets()));
            QueryRunner.Prepared onStandIn = QueryRunner.Prepared.of(PipeQueryOnTop.wrap(standIn, q), format);
            ScopeCheck.requireOnlyPipeResult(queries.analyze(onStandIn, queries.roles().analysis()));
            sql = PipeQueryOnTop.wrap(sql, q);
        }
        return queries.select(sql, format, call.secrets());
    }

    private static List<String> values(JsonNode value) {
        List<String> values = new java.util.ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
        } else {
            values.add(value.isTextual() ? value.asText() : value.toString());
        }
        return values;
    }

    private static Map<String, List<String>> bodyParams(byte[] body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body.length == 0) {
            return params;
        }
        try {
            JsonNode json = ApiReply.JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw ApiException.badRequest("The body of a POST to a pipe must be a JSON object of parameters");
            }
            json.fields().forEachRemaining(e -> params.put(e.getKey(), values(e.getValue())));
            return params;
        } catch (IOException e) {
            throw ApiException.badRequest("The body of a POST to a pipe must be a JSON object of parameters: "
                    + e.getMessage());
        }
    }
}
