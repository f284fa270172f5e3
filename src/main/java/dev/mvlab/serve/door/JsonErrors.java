package dev.mvlab.serve.door;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Every error Jetty itself answers (a request line or headers too long, a malformed request, a handler that failed)
 * in Tinybird's shape {@code {"error": "..."}} as JSON, never an HTML page.
 */
public final class JsonErrors extends ErrorHandler {
    static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body of an error answer. */
    static byte[] body(String message) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a complete JSON error answer. */
    static void write(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        response.write(true, ByteBuffer.wrap(body(message)), callback);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        write(response, callback, code, describe(code, message, cause));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, JSON_TYPE));
        return ByteBuffer.wrap(body(describe(status, reason, null)));
    }

    private static String describe(int code, String message, Throwable cause) {
        String reason = HttpStatus.getMessage(code);
        if (code == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 || code == HttpStatus.URI_TOO_LONG_414) {
            return reason + ": send long queries and parameters in a POST body";
        }
        if (code >= 500) {
            return "internal error" + (cause == null ? "" : ": " + cause.getClass().getSimpleName());
        }
        return message == null || message.isBlank() ? reason : reason + ": " + message;
    }
}
