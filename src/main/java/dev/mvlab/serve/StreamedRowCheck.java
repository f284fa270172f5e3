package dev.mvlab.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvlab.model.JsonPath;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON row from a streaming parser and keeps only the values at the data source's JSONPaths, so that the
 * common case (every row fits) builds no tree per line. On the way it finds, in every token of the row, what
 * {@link UnreadableRow} finds in a tree (numbers ClickHouse cannot read, lone surrogates in texts and keys) and a key
 * twice in one object: the parser's own check of that ({@code STRICT_DUPLICATE_DETECTION}) made a hash set per object
 * of every row, a quarter of what the API allocated under batch posts (JFR), so it is off while this reads (see
 * {@link #reading}). A value at a path is a small node: a scalar, a marker for a
 * container its column takes whatever it holds (a String column), or the container's tree when the column's check
 * or the rest of the path needs it ({@code [:]}, a negative index, a type such as Array that looks inside).
 * The answers agree with {@link EventSchema#valueAt} on the whole row's tree; one instance serves many threads.
 */
final class StreamedRowCheck {
    /** A container at a path whose column takes any container as its JSON text: its content is not kept. */
    private static final JsonNode CONTAINER = JsonNodeFactory.instance.objectNode();
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(63).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final ObjectMapper json;
    private final Step root;
    private final List<Target> targets;
    private final int steps;

    /**
     * A place in the row that some path goes through.
     * {@code keep}: a path ends here and its column's check looks at the value itself (or the path goes on in a way
     * only the tree answers): the whole value is kept. {@code ends}: a path ends here and its column takes any
     * container, so a container is noted, not kept, and read on for deeper paths.
     */
    private static final class Step {
        final int id;
        final Map<String, Step> keys = new HashMap<>();
        final Map<Integer, Step> indexes = new HashMap<>();
        boolean keep;
        boolean ends;

        Step(int id) {
            this.id = id;
        }
    }

    /**
     * The keys of the objects being read, innermost last: a short list per object (field names come from the parser's
     * symbol table, so most comparisons are of one instance), a hash set once an object has many keys.
     */
    private static final class SeenKeys {
        private static final int LISTED = 16;
        private String[] keys = new String[64];
        private int size;
        private int[] starts = new int[8];
        private final List<HashSet<String>> sets = new ArrayList<>();
        private int depth;

        void reset() {
            size = 0;
            depth = 0;
            sets.clear(); // a row given up midway leaves its sets
        }

        void open() {
            if (depth == starts.length) {
                starts = Arrays.copyOf(starts, depth * 2);
            }
            starts[depth++] = size;
        }

        void close() {
            size = starts[--depth];
            if (depth < sets.size() && sets.get(depth) != null) {
                sets.set(depth, null);
            }
        }

        /** False when the innermost object has this key already. */
        boolean add(String key) {
            int level = depth - 1;
            HashSet<String> set = level < sets.size() ? sets.get(level) : null;
            if (set != null) {
                return set.add(key);
            }
            int start = starts[level];
            for (int i = start; i < size; i++) {
                if (keys[i] == key || keys[i].equals(key)) {
                    return false;
                }
            }
            if (size - start >= LISTED) {
                while (sets.size() <= level) {
                    sets.add(null);
                }
                set = new HashSet<>(Arrays.asList(keys).subList(start, size));
                sets.set(level, set);
                size = start; // this object's keys are in the set now
                return set.add(key);
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
            return true;
        }
    }

    private static final ThreadLocal<SeenKeys> SEEN = ThreadLocal.withInitial(SeenKeys::new);

    /** A column's path: the steps it goes through from the root, and what remains after the last one kept. */
    private record Target(Step[] trail, JsonPath path) {
    }

    private StreamedRowCheck(ObjectMapper json, Step root, List<Target> targets, int steps) {
        this.json = json;
        this.root = root;
        this.targets = targets;
        this.steps = steps;
    }

    /**
     * @param paths           each column's path, in the schema's order
     * @param takesContainers per path: its column takes any object or array (as its JSON text)
     * @param json            the mapper whose parser reads the rows (it makes the kept trees)
     * @return null when a path is {@code $} (the whole row is the value: the tree is read anyway)
     */
    static StreamedRowCheck of(List<JsonPath> paths, List<Boolean> takesContainers, ObjectMapper json) {
        int[] ids = {1};
        Step root = new Step(0);
        List<Target> targets = new ArrayList<>();
        for (int p = 0; p < paths.size(); p++) {
            JsonPath path = paths.get(p);
            if (path.isRoot()) {
                return null;
            }
            List<Step> trail = new ArrayList<>(List.of(root));
            Step at = root;
            int plain = 0;
            for (Object step : path.prefix()) {
                if (step instanceof Integer index && index < 0) {
                    break; // counts from the end: only the array's tree knows where
                }
                Step next = step instanceof Integer index ? at.indexes.computeIfAbsent(index, i -> new Step(ids[0]++))
                        : at.keys.computeIfAbsent((String) step, k -> new Step(ids[0]++));
                trail.add(next);
                at = next;
                plain++;
            }
            boolean plainToTheEnd = plain == path.prefix().size() && !path.allItems();
            if (plainToTheEnd && takesContainers.get(p)) {
                at.ends = true;
            } else {
                at.keep = true;
            }
            targets.add(new Target(trail.toArray(Step[]::new), path));
        }
        return new StreamedRowCheck(json, root, List.copyOf(targets), ids[0]);
    }

    /** A place for the values of one row at a time; not shared between threads. */
    JsonNode[] newSlots() {
        return new JsonNode[steps];
    }

    /**
     * Reads the object the parser stands at (its START_OBJECT) to its end and fills {@code values} with each path's
     * value (null when absent). False when ClickHouse could not read the row; a malformed row or a key twice throws.
     */
    boolean read(JsonParser parser, JsonNode[] slots, JsonNode[] values) throws IOException {
        Arrays.fill(slots, null);
        SeenKeys seen = SEEN.get();
        seen.reset();
        if (!value(parser, root, slots, seen)) {
            return false;
        }
        for (int i = 0; i < targets.size(); i++) {
            values[i] = valueOf(targets.get(i), slots);
        }
        return true;
    }

    private static JsonNode valueOf(Target target, JsonNode[] slots) {
        Step[] trail = target.trail;
        for (int depth = 0; depth < trail.length; depth++) {
            Step step = trail[depth];
            if (step.keep) {
                JsonNode kept = slots[step.id];
                if (kept == null) {
                    return null;
                }
                JsonPath path = target.path;
                List<Object> walked = path.prefix().subList(depth, path.prefix().size()); // depth 0 is the root
                return EventSchema.valueAt(kept, new JsonPath(path.text(), walked, path.allItems(), path.suffix()));
            }
        }
        return slots[trail[trail.length - 1].id];
    }

    /** The value the parser stands at, under {@code step} (null: no path goes here); false when unreadable. */
    private boolean value(JsonParser parser, Step step, JsonNode[] slots, SeenKeys seen) throws IOException {
        if (step == null) {
            return skip(parser, seen);
        }
        JsonToken token = parser.currentToken();
        if (step.keep) {
            JsonNode kept = token.isStructStart() ? tree(parser, token, seen) : scalar(parser, token);
            slots[step.id] = kept;
            return !token.isStructStart() ? readable(parser, token, kept) : UnreadableRow.reason(kept) == null;
        }
        if (token == JsonToken.START_OBJECT) {
            if (step.ends) {
                slots[step.id] = CONTAINER;
            }
            seen.open();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if (!paired(key) || !seen.add(key)) {
                    return false;
                }
                parser.nextToken();
                if (!value(parser, step.keys.get(key), slots, seen)) {
                    return false;
                }
            }
            seen.close();
            return true;
        }
        if (token == JsonToken.START_ARRAY) {
            if (step.ends) {
                slots[step.id] = CONTAINER;
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (!value(parser, step.indexes.get(index++), slots, seen)) {
                    return false;
                }
            }
            return true;
        }
        if (step.ends) {
            JsonNode scalar = scalar(parser, token);
            slots[step.id] = scalar;
            return readable(parser, token, scalar);
        }
        return readable(parser, token);
    }

    /** Reads past the value the parser stands at, looking only at what ClickHouse could not read. */
    private static boolean skip(JsonParser parser, SeenKeys seen) throws IOException {
        JsonToken token = parser.currentToken();
        if (!token.isStructStart()) {
            return readable(parser, token);
        }
        if (token == JsonToken.START_OBJECT) {
            seen.open();
        }
        int depth = 1;
        while (depth > 0) {
            token = parser.nextToken();
            if (token == null) {
                throw new IOException("unexpected end of the row");
            }
            switch (token) {
                case START_OBJECT -> {
                    depth++;
                    seen.open();
                }
                case START_ARRAY -> depth++;
                case END_OBJECT -> {
                    depth--;
                    seen.close();
                }
                case END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    String key = parser.currentName();
                    if (!paired(key) || !seen.add(key)) {
                        return false;
                    }
                }
                default -> {
                    if (!readable(parser, token)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The tree of the container the parser stands at, as {@link ObjectMapper#readTree} makes it (floats as
     * BigDecimal), built here so that a key twice in any of its objects is found as everywhere else.
     */
    private static JsonNode tree(JsonParser parser, JsonToken token, SeenKeys seen) throws IOException {
        if (token == null) {
            throw new IOException("unexpected end of the row");
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = nodes.objectNode();
            seen.open();
            for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                String key = parser.currentName();
                if (next != JsonToken.FIELD_NAME || !seen.add(key)) {
                    throw new IOException("key '" + key + "' twice in one object");
                }
                object.set(key, tree(parser, parser.nextToken(), seen));
            }
            seen.close();
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = nodes.arrayNode();
            for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                array.add(tree(parser, next, seen));
            }
            return array;
        }
        return scalar(parser, token);
    }

    /**
     * A parser over {@code body} for {@link #read}: the parser's own check of keys twice is off (this check does it,
     * without a hash set per object).
     */
    JsonParser reading(byte[] body) throws IOException {
        JsonParser parser = json.createParser(body);
        parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return parser;
    }

    /** The node {@link ObjectMapper#readTree} makes of a scalar, without its per-call set-up. */
    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (token) {
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue()); // as USE_BIG_DECIMAL_FOR_FLOATS
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new IOException("unexpected " + token + " in a row");
        };
    }

    /**
     * As {@link #readable(JsonParser, JsonToken)}, for a scalar made into a node already: a text is looked at in its
     * string (the parser's characters would be copied back out of it).
     */
    private static boolean readable(JsonParser parser, JsonToken token, JsonNode scalar) throws IOException {
        return token == JsonToken.VALUE_STRING ? paired(scalar.textValue()) : readable(parser, token);
    }

    /** What {@link UnreadableRow} finds in one scalar: a number beyond ClickHouse's, a lone surrogate. */
    private static boolean readable(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING -> {
                char[] text = parser.getTextCharacters();
                int from = parser.getTextOffset();
                return paired(text, from, from + parser.getTextLength());
            }
            case VALUE_NUMBER_INT -> {
                JsonParser.NumberType type = parser.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    return true;
                }
                BigInteger number = parser.getBigIntegerValue();
                return number.compareTo(MIN) >= 0 && number.compareTo(MAX) <= 0;
            }
            case VALUE_NUMBER_FLOAT -> {
                String text = parser.getText();
                if (text.length() < 300 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                    return true; // fewer than 300 digits and no exponent: below 1e300, a finite double
                }
                return Double.isFinite(Double.parseDouble(text));
            }
            default -> {
                return true;
            }
        }
    }

    private static boolean paired(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                char[] chars = text.toCharArray();
                return paired(chars, 0, chars.length);
            }
        }
        return true;
    }

    /** True when every surrogate in the characters is part of a high-low pair. */
    private static boolean paired(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= to || !Character.isLowSurrogate(text[i + 1])) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
