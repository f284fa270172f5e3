package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;

import java.util.ArrayList;
import java.util.List;

/** A test event source: deterministic rows from {@code numbers()} and the seed. It records every request. */
final class SqlEventSource implements EventSource {
    final List<String> calls = new ArrayList<>();
    private long eventsWritten;

    @Override
    public GenerateOutcome events(GenerateRequest request, Database db) {
        calls.add("events " + request.count() + " seed " + request.seed() + " " + new java.util.TreeMap<>(request.options()));
        db.execute("INSERT INTO events SELECT toDateTime('2024-09-01 00:00:00') + " + eventsWritten + " + number, "
                + "concat('product_', toString(cityHash64(number, " + request.seed() + ") % 20)), "
                + "['view', 'cart', 'purchase'][1 + cityHash64(" + request.seed() + ", number) % 3], "
                + "(cityHash64(number, " + request.seed() + ", 1) % 10000) / 100 FROM numbers(" + request.count() + ")");
        eventsWritten += request.count();
        return new GenerateOutcome("events", request.count(), List.of());
    }

    @Override
    public GenerateOutcome products(GenerateRequest request, Database db) {
        calls.add("products " + request.count() + " seed " + request.seed() + " " + new java.util.TreeMap<>(request.options()));
        db.execute("INSERT INTO products SELECT concat('product_', toString(number)), "
                + "round(1 + (cityHash64(" + request.seed() + ", number) % 1000) / 10, 2), 1 FROM numbers("
                + request.count() + ")");
        return new GenerateOutcome("products", request.count(), List.of("prices between 1 and 101"));
    }

    @Override
    public GenerateOutcome updatePrices(GenerateRequest request, Database db) {
        calls.add("prices " + request.count() + " seed " + request.seed() + " " + new java.util.TreeMap<>(request.options()));
        db.execute("INSERT INTO products SELECT concat('product_', toString(number)), 999, 2 FROM numbers("
                + request.count() + ")");
        return new GenerateOutcome("products", request.count(), List.of());
    }
}
