package dev.mvlab.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request body (NDJSON, or one JSON object that may span lines) into the rows that fit the data source,
 * as NDJSON ready to insert, and the rows that go to quarantine with their reasons and original text.
 */
final class EventLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row that does not fit: its 1-based line, the columns at fault, the reasons and the original text. */
    record Rejected(int line, List<String> columns, List<String> errors, List<String> values, String original) {
    }

    /** The accepted rows as NDJSON (each line ending in a newline) and the rejected ones. */
    record Split(byte[] accepted, int acceptedRows, List<Rejected> rejected) {
    }

    private EventLines() {
    }

    static Split split(byte[] body, EventSchema schema) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<String> lines = lines(text);
        ByteArrayOutputStream accepted = new ByteArrayOutputStream(body.length + 16);
        List<Rejected> rejected = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                rejected.add(new Rejected(i + 1, List.of(), List.of("malformed JSON: " + e.getOriginalMessage()
                        + "; line: " + abbreviated(line)), schema.texts(null), line));
                continue;
            }
            if (row == null || !row.isObject()) {
                rejected.add(new Rejected(i + 1, List.of(), List.of("not a JSON object; line: " + abbreviated(line)),
                        schema.texts(null), line));
                continue;
            }
            List<EventSchema.Problem> problems = schema.problems(row);
            if (!problems.isEmpty()) {
                rejected.add(new Rejected(i + 1, problems.stream().map(EventSchema.Problem::column).toList(),
                        problems.stream().map(EventSchema.Problem::message).toList(), schema.texts(row), line));
                continue;
            }
            byte[] bytes = (line.indexOf('\n') >= 0 ? row.toString() : line).getBytes(StandardCharsets.UTF_8);
            accepted.write(bytes, 0, bytes.length);
            accepted.write('\n');
            rows++;
        }
        return new Split(accepted.toByteArray(), rows, rejected);
    }

    private static String abbreviated(String line) {
        return line.length() > 2000 ? line.substring(0, 2000) + "..." : line;
    }

    /** NDJSON lines; a body that is one JSON object written over several lines counts as one line. */
    private static List<String> lines(String text) {
        String stripped = text.strip();
        if (stripped.startsWith("{") && stripped.indexOf('\n') > 0 && !firstLineParses(stripped)) {
            try {
                JsonNode whole = JSON.readTree(stripped);
                if (whole != null && whole.isObject()) {
                    return List.of(stripped);
                }
            } catch (JsonProcessingException e) {
                // not one object: treat as NDJSON and let each line fail on its own
            }
        }
        return List.of(text.split("\r?\n", -1));
    }

    private static boolean firstLineParses(String text) {
        try {
            JSON.readTree(text.substring(0, text.indexOf('\n')));
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
