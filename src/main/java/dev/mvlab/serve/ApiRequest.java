package dev.mvlab.serve;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP request as the API sees it, independent of the server library.
 *
 * @param params the query-string parameters (every value of each, in order), plus a form body's for POSTs
 * @param header looks a header up by name (null when absent)
 * @param body   the request body, decompressed; read lazily, at most the size limit
 */
public record ApiRequest(String method, String path, Map<String, List<String>> params, Function<String, String> header,
                         BodySupplier body) {

    /** Reads the body; refuses one over the size limit with 413. */
    @FunctionalInterface
    public interface BodySupplier {
        byte[] read();
    }

    /** The first value of a parameter, or null. */
    public String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean isPost() {
        return method.equals("POST");
    }
}
