package dev.mvlab.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text to template values (dicts, lists, str, int, float, bool, None) and back, through Jackson. */
final class JsonValues {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    static Object parse(String json) {
        try {
            return value(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<Object, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(value(n)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** A template value as JSON text (for custom_error() bodies). */
    static String write(Object v) {
        try {
            return MAPPER.writeValueAsString(plain(v));
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(PyValues.isText(k) ? PyValues.text(k) : PyValues.repr(k), plain(val)));
            return out;
        }
        if (v instanceof List<?> || v instanceof PyTuple) {
            List<Object> out = new ArrayList<>();
            PyValues.iterate(v).forEach(i -> out.add(plain(i)));
            return out;
        }
        if (v instanceof SqlText s) {
            return s.sql();
        }
        if (v instanceof TypedNumber t) {
            return t.value();
        }
        return v instanceof BigInteger || v instanceof Double || v instanceof String || v instanceof Boolean
                || v == null ? v : String.valueOf(v);
    }
}
