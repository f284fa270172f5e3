package dev.mvlab.serve;

import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP request as the API sees it, independent of the server library.
 *
 * @param params the query-string parameters (the first value of each), plus a form or JSON body's for POSTs that
 *               carry parameters
 * @param header looks a header up by name (null when absent)
 * @param body   the request body, decompressed; read lazily, at most the size limit
 */
public record ApiRequest(String method, String path, Map<String, String> params, Function<String, String> header,
                         BodySupplier body) {

    /** Reads the body; refuses one over the size limit with 413. */
    @FunctionalInterface
    public interface BodySupplier {
        byte[] read();
    }

    public String param(String name) {
        return params.get(name);
    }

    public boolean isPost() {
        return method.equals("POST");
    }
}
