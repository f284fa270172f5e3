package dev.mvlab.serve;

import dev.mvlab.clickhouse.QueryParameters;

import java.util.List;
import java.util.Map;

/**
 * The project's published pipes (endpoints) and the SQL of one endpoint for a request's parameters. The renderer
 * behind it is the one place template parameters are evaluated; this interface keeps the API independent of it.
 */
public interface Endpoints {
    /** One published pipe. */
    record Endpoint(String name, String description, List<EndpointParam> params) {
    }

    /** An endpoint call: its SQL and the values of the secrets the SQL uses, which go beside it, never in it. */
    record Call(String sql, QueryParameters secrets) {
    }

    List<Endpoint> list();

    /**
     * The SELECT of {@code pipe}'s endpoint node with these parameters (a parameter given several times has several values).
     *
     * @throws ApiException 404 for an unknown pipe, 400 for a bad or missing parameter or a secret that is not set
     */
    Call call(String pipe, Map<String, List<String>> params);
}
