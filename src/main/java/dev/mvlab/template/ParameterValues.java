package dev.mvlab.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw request values of an endpoint call: every value of a repeated parameter, in order. A scalar parameter
 * uses the last value; {@code Array()} uses them all (each split on commas).
 */
public record ParameterValues(Map<String, List<String>> values) {
    public ParameterValues {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public static ParameterValues of(Map<String, String> single) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        single.forEach((k, v) -> lists.put(k, List.of(v)));
        return new ParameterValues(lists);
    }

    public static ParameterValues ofLists(Map<String, List<String>> lists) {
        return new ParameterValues(lists);
    }

    public static ParameterValues none() {
        return new ParameterValues(Map.of());
    }

    boolean has(String name) {
        List<String> v = values.get(name);
        return v != null && !v.isEmpty();
    }

    /** The last value of a parameter, or null. */
    String last(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
