package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;

/**
 * Makes e-store data for the {@code generate}, {@code generate_products} and {@code update_prices} steps. The real
 * implementation wraps the event generator; a request's {@code options} are the step's other fields, passed through.
 */
public interface EventSource {

    /** Streams {@code count} events (view, cart, uncart, purchase, return) into the landing data source. */
    GenerateOutcome events(GenerateRequest request, Database db);

    /**
     * As {@link #events(GenerateRequest, Database)}, calling {@code streaming} once the first events are stored
     * (the {@code stream} step waits for it before running its {@code during} steps). The default calls it at the end.
     */
    default GenerateOutcome events(GenerateRequest request, Database db, Runnable streaming) {
        GenerateOutcome outcome = events(request, db);
        streaming.run();
        return outcome;
    }

    /** Writes {@code count} products (the dimension rows a view may join). */
    GenerateOutcome products(GenerateRequest request, Database db);

    /** Fails with a clear message when this source cannot generate; checked before a lesson resets its database. */
    default void ready() {
    }

    /** Changes the price of {@code count} products (0: of every product), as a late dimension update. */
    GenerateOutcome updatePrices(GenerateRequest request, Database db);
}
