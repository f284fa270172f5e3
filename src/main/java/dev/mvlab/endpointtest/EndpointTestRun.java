package dev.mvlab.endpointtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvlab.serve.ApiReply;
import dev.mvlab.serve.OutputFormat;
import dev.mvlab.serve.PipeCall;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs test files against an environment: each test calls its endpoint through {@link PipeCall#reply} (what
 * {@code GET /v0/pipes/NAME.ndjson?parameters} on {@code mvlab serve} answers) and is compared with
 * {@link ResultComparison}.
 */
public final class EndpointTestRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcomes of one file's tests, in the file's order. */
    public record FileRun(EndpointTestFile file, List<TestOutcome> outcomes) {
        public long failed() {
            return outcomes.stream().filter(o -> !o.passed()).count();
        }
    }

    private EndpointTestRun() {
    }

    public static List<FileRun> run(List<EndpointTestFile> files, PipeCall call) {
        List<FileRun> runs = new ArrayList<>();
        for (EndpointTestFile file : files) {
            List<TestOutcome> outcomes = new ArrayList<>();
            for (EndpointTest test : file.tests()) {
                ApiReply reply = call.reply(file.endpoint(), parameters(test.parameters()), OutputFormat.NDJSON);
                String actual = reply.status() < 300 ? reply.text().strip() : errorMessage(reply.text());
                List<String> differences = ResultComparison.differences(test, reply.status(), actual);
                outcomes.add(new TestOutcome(test, reply.status(), actual, differences.isEmpty(), differences));
            }
            runs.add(new FileRun(file, List.copyOf(outcomes)));
        }
        return runs;
    }

    /** A query string ({@code a=1&b=x%20y}, a leading {@code ?} or URL part dropped) as the API's parameters. */
    static Map<String, List<String>> parameters(String query) {
        String q = query.strip();
        int mark = q.indexOf('?');
        if (mark >= 0) {
            q = q.substring(mark + 1);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray % is taken as written
        }
    }

    /** The message of Tinybird's error body {@code {"error": "..."}}, or the body as it is. */
    private static String errorMessage(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.path("error").isTextual()) {
                return json.get("error").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: the body is the message
        }
        return body.strip();
    }
}
