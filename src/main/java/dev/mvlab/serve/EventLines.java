package dev.mvlab.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a request body (NDJSON, or one JSON object that may span lines) into the rows that fit the data source,
 * as NDJSON ready to insert, and the rows that go to quarantine with their reasons and original text.
 */
final class EventLines {
    /**
     * Floats read as BigDecimal (so a number beyond a double keeps its value for the checks and the error), and a key
     * twice in one object is an error: ClickHouse reads the first value and Jackson the last, so the value checked
     * would not be the value stored.
     */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Reads the shape of a body only: exactly one JSON value, whatever its keys. */
    private static final ObjectReader ONE_VALUE = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$");

    /** A row that does not fit: its 1-based line, the columns at fault, the reasons and the original text. */
    record Rejected(int line, List<String> columns, List<String> errors, List<String> values, String original) {
    }

    /** The accepted rows as NDJSON (each line ending in a newline) and the rejected ones. */
    record Split(byte[] accepted, int acceptedRows, List<Rejected> rejected) {
    }

    private EventLines() {
    }

    static Split split(byte[] body, EventSchema schema) {
        Split fast = allFit(body, schema);
        return fast != null ? fast : lineByLine(body, schema);
    }

    /**
     * The common case in one pass of one parser: every line is a JSON object that fits, so the body is sent as it
     * is. Null when any line does not fit (or a JSON value spans lines): then each line is looked at on its own.
     */
    private static Split allFit(byte[] body, EventSchema schema) {
        int lines = 0;
        boolean content = false;
        for (byte b : body) {
            if (b == '\n') {
                lines += content ? 1 : 0;
                content = false;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                content = true;
            }
        }
        lines += content ? 1 : 0;
        int rows = schema.streamed() != null ? streamedRows(body, schema) : treeRows(body, schema);
        if (rows < 0 || rows != lines) {
            return null;
        }
        byte[] accepted = body.length > 0 && body[body.length - 1] != '\n'
                ? java.util.Arrays.copyOf(body, body.length + 1) : body;
        if (accepted != body) {
            accepted[accepted.length - 1] = '\n';
        }
        return new Split(rows == 0 ? new byte[0] : accepted, rows, List.of());
    }

    /** The number of rows when every row is a JSON object that fits, read off the parser; else -1. */
    static int streamedRows(byte[] body, EventSchema schema) {
        StreamedRowCheck check = schema.streamed();
        JsonNode[] slots = check.newSlots();
        JsonNode[] values = new JsonNode[schema.columns().size()];
        int rows = 0;
        try (JsonParser parser = check.reading(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT || !check.read(parser, slots, values) || !schema.fits(values)) {
                    return -1;
                }
                rows++;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return rows;
    }

    /** As {@link #streamedRows}, with each row's tree (a path takes the whole row). */
    static int treeRows(byte[] body, EventSchema schema) {
        int rows = 0;
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(body)) {
            while (values.hasNextValue()) {
                JsonNode row = values.nextValue();
                if (row == null || !row.isObject() || !schema.problems(row).isEmpty()) {
                    return -1;
                }
                rows++;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return rows;
    }

    private static Split lineByLine(byte[] body, EventSchema schema) {
        ByteArrayOutputStream accepted = new ByteArrayOutputStream(body.length + 16);
        List<Rejected> rejected = new ArrayList<>();
        int rows = 0;
        int lineNumber = 0;
        byte[] whole = oneObjectOverLines(body);
        int start = 0;
        while (start < body.length || whole != null) {
            int from;
            int to;
            byte[] source;
            boolean overLines = whole != null;
            if (whole != null) {
                source = whole;
                from = 0;
                to = whole.length;
                start = body.length;
                whole = null;
            } else {
                source = body;
                int end = start;
                while (end < body.length && body[end] != '\n') {
                    end++;
                }
                from = start;
                to = end > start && body[end - 1] == '\r' ? end - 1 : end;
                start = end + 1;
            }
            lineNumber++;
            if (isBlank(source, from, to)) {
                continue;
            }
            JsonNode row;
            try {
                row = JSON.readTree(source, from, to - from);
            } catch (IOException e) {
                String line = new String(source, from, to - from, StandardCharsets.UTF_8);
                rejected.add(new Rejected(lineNumber, List.of(), List.of(reason(e) + "; line: " + abbreviated(line)),
                        schema.texts(null), line));
                continue;
            }
            if (row == null || !row.isObject()) {
                String line = new String(source, from, to - from, StandardCharsets.UTF_8);
                rejected.add(new Rejected(lineNumber, List.of(), List.of("not a JSON object; line: "
                        + abbreviated(line)), schema.texts(null), line));
                continue;
            }
            List<EventSchema.Problem> problems = schema.problems(row);
            if (!problems.isEmpty()) {
                rejected.add(new Rejected(lineNumber, problems.stream().map(EventSchema.Problem::column)
                        .filter(Objects::nonNull).toList(),
                        problems.stream().map(EventSchema.Problem::message).toList(), schema.texts(row),
                        new String(source, from, to - from, StandardCharsets.UTF_8)));
                continue;
            }
            if (!overLines) {
                accepted.write(source, from, to - from);
            } else {
                accepted.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
            }
            accepted.write('\n');
            rows++;
        }
        return new Split(accepted.toByteArray(), rows, rejected);
    }

    private static String reason(IOException e) {
        Matcher duplicate = DUPLICATE.matcher(message(e));
        if (duplicate.matches()) {
            return "key '" + duplicate.group(1) + "' appears twice in one object: ClickHouse would store the first "
                    + "value and JSON tools read the last, so the row is ambiguous";
        }
        return "malformed JSON: " + message(e);
    }

    private static boolean isDuplicate(IOException e) {
        return DUPLICATE.matcher(message(e)).matches();
    }

    private static String message(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return message == null ? "" : message;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * The body when it is one JSON object written over several lines (its first line alone is not JSON) and nothing
     * follows it; else null, and each line is looked at on its own (so nothing after a first object is dropped).
     */
    private static byte[] oneObjectOverLines(byte[] body) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        int newline = first;
        while (newline < body.length && body[newline] != '\n') {
            newline++;
        }
        if (first >= body.length || body[first] != '{' || newline >= body.length - 1) {
            return null;
        }
        try {
            JSON.readTree(body, first, newline - first);
            return null;
        } catch (IOException e) {
            if (isDuplicate(e)) {
                return null; // the first line is a whole object
            }
            try {
                JsonNode whole = ONE_VALUE.readValue(body); // one object and nothing after it (keys twice or not)
                return whole != null && whole.isObject() ? body : null;
            } catch (IOException notOne) {
                return null;
            }
        }
    }

    private static String abbreviated(String line) {
        return line.length() > 2000 ? line.substring(0, 2000) + "..." : line;
    }
}
