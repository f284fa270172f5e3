package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds what makes ClickHouse unable to read a row that is valid JSON for Jackson. ClickHouse parses the whole line
 * before it extracts any column, and a whole number outside -2^63..2^64-1, another number beyond ±1.8e308 (a double),
 * or a lone UTF-16 surrogate ({@code "\\ud800"}, in a value or a key) makes that parse fail: then every column of the
 * row is stored as its default, even when the culprit sits in a field no column reads. Measured on ClickHouse 26.7
 * ({@code isValidJSON} is 0 for such a line).
 */
final class UnreadableRow {
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(63).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private UnreadableRow() {
    }

    /** The reason the row cannot be read, naming the first culprit and its path; null when ClickHouse reads it. */
    static String reason(JsonNode row) {
        StringBuilder path = new StringBuilder();
        JsonNode culprit = find(row, path);
        if (culprit == null) {
            return null;
        }
        if (culprit.isNumber()) {
            return "number " + culprit + " at $" + path + " is beyond what ClickHouse reads (whole numbers from -2^63 "
                    + "to 2^64-1, others up to ±1.8e308), so the whole row would be stored as defaults";
        }
        return "a lone UTF-16 surrogate (\\ud800-\\udfff not in a pair) in " + (culprit.isTextual() ? "the text at $"
                + path : "a key at $" + path) + ": ClickHouse cannot read the line, so the whole row would be stored "
                + "as defaults";
    }

    /**
     * The first unreadable number or text under {@code node} (for a bad key: its object); its path is prepended to
     * {@code path} on the way back.
     */
    private static JsonNode find(JsonNode node, StringBuilder path) {
        if (node.isNumber()) {
            return readable(node) ? null : node;
        }
        if (node.isTextual()) {
            return paired(node.textValue()) ? null : node;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode found = find(node.get(i), path);
                if (found != null) {
                    path.insert(0, "[" + i + "]");
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!paired(field.getKey())) {
                    return node;
                }
                JsonNode found = find(field.getValue(), path);
                if (found != null) {
                    path.insert(0, step(field.getKey()));
                    return found;
                }
            }
        }
        return null;
    }

    /** True when every surrogate in {@code text} is part of a high-low pair. */
    private static boolean paired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static boolean readable(JsonNode number) {
        if (number.isIntegralNumber()) {
            if (number.canConvertToLong()) {
                return true;
            }
            BigInteger value = number.bigIntegerValue();
            return value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0;
        }
        double value = number.isBigDecimal() ? Double.parseDouble(number.decimalValue().toString())
                : number.doubleValue();
        return Double.isFinite(value);
    }

    private static String step(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + key : "['" + key.replace("'", "\\'") + "']";
    }
}
