package dev.mvlab.clickhouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Values for a statement's query parameters ({@code {name: String}} in its SQL), sent beside the SQL and never inside
 * it: over HTTP as {@code param_<name>}, so they stay out of the statement text, view definitions and logs. This is
 * how Tinybird's {@code tb_secret()} reaches ClickHouse. {@link #toString} names the parameters, never their values.
 */
public final class QueryParameters {
    private static final QueryParameters NONE = new QueryParameters(Map.of());
    /** The prefix ClickHouse's HTTP interface reads query parameters from. */
    static final String PREFIX = "param_";

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParameters none() {
        return NONE;
    }

    /** @param values parameter name to value, in order */
    public static QueryParameters of(Map<String, String> values) {
        return values.isEmpty() ? NONE : new QueryParameters(java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(values)));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** The HTTP settings that carry them: {@code param_<name>} to value. */
    Map<String, String> asSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        values.forEach((name, value) -> settings.put(PREFIX + name, value));
        return settings;
    }

    /** These parameters added to {@code settings} (settings of one name are replaced). */
    public Map<String, String> addedTo(Map<String, String> settings) {
        if (values.isEmpty()) {
            return settings;
        }
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(asSettings());
        return all;
    }

    @Override
    public String toString() {
        return "query parameters " + values.keySet();
    }
}
