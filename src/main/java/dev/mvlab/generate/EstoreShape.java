package dev.mvlab.generate;

import dev.mvlab.model.Column;
import dev.mvlab.model.DataSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Which JSONPaths of a landing data source the e-store events fill ({@link EventJson}: customer_id,
 * product.product_id, product.price, action, timestamp); a path the events never carry would only ever read NULL or a
 * default.
 */
public final class EstoreShape {
    private static final List<List<Object>> FIELDS = List.of(List.of("customer_id"), List.of("product", "product_id"),
            List.of("product", "price"), List.of("action"), List.of("timestamp"));

    private EstoreShape() {
    }

    /** The JSONPath columns of the data source that no e-store event fills, in column order. */
    public static List<Column> unfilled(DataSource datasource) {
        List<Column> unfilled = new ArrayList<>();
        for (Column column : datasource.columns()) {
            if (column.jsonPath() != null && !fills(column.jsonPath())) {
                unfilled.add(column);
            }
        }
        return unfilled;
    }

    /** The paths the events carry, as text for messages. */
    public static String fields() {
        return "$.customer_id, $.product.product_id, $.product.price, $.action, $.timestamp";
    }

    private static boolean fills(String path) {
        JsonPath parsed;
        try {
            parsed = JsonPath.parse(path);
        } catch (IllegalArgumentException e) {
            return true; // the mapping reports a malformed path itself
        }
        if (parsed.allItems()) {
            return false;
        }
        List<Object> steps = parsed.prefix();
        return FIELDS.stream().anyMatch(f -> f.size() >= steps.size() && f.subList(0, steps.size()).equals(steps));
    }
}
