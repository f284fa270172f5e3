package dev.mvlab.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP answer: status, content type and body bytes. */
public record ApiReply(int status, String contentType, byte[] body) {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json";

    static ApiReply json(int status, Object value) {
        try {
            return new ApiReply(status, JSON_TYPE, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiReply of(ApiException e) {
        return e.rawBody() ? new ApiReply(e.status(), JSON_TYPE, e.getMessage().getBytes(StandardCharsets.UTF_8))
                : error(e.status(), e.getMessage());
    }

    /** Tinybird's error shape: {@code {"error": "..."}}. */
    static ApiReply error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
