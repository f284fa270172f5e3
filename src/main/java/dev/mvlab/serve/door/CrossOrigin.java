package dev.mvlab.serve.door;

import org.eclipse.jetty.http.HttpFields;

/**
 * CORS answers as Tinybird's API gives them: any page may call the API with a token (the token, never a cookie,
 * is the credential, so {@code Access-Control-Allow-Origin: *} and no {@code Allow-Credentials}); a preflight is
 * answered for every route but {@code /tokens}.
 */
final class CrossOrigin {
    static final String ALLOW_METHODS = "GET, POST, OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, Content-Encoding, Idempotency-Key";
    static final String MAX_AGE = "600";

    private CrossOrigin() {
    }

    /** The headers of a preflight answer (204). */
    static void preflight(HttpFields.Mutable headers) {
        allowed(headers);
        headers.put("Access-Control-Allow-Methods", ALLOW_METHODS);
        headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
        headers.put("Access-Control-Max-Age", MAX_AGE);
    }

    /** The header of a token-authenticated answer to a page. */
    static void allowed(HttpFields.Mutable headers) {
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Expose-Headers", "Retry-After");
    }

    /** True for an OPTIONS request a browser sends before the real one. */
    static boolean isPreflight(String method, String origin, String requestedMethod) {
        return method.equals("OPTIONS") && origin != null && requestedMethod != null;
    }
}
