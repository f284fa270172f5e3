package dev.mvlab.testing;

/** Datafile texts that tests in several packages write into their temporary projects. */
public final class Datafiles {
    private Datafiles() {
    }

    /** A landing data source shaped like the workshop's estore_events, with JSONPaths into the event JSON. */
    public static final String LANDING = """
            SCHEMA >
                `customer_id` String `json:$.customer_id`,
                `product_id` String `json:$.product.product_id`,
                `price` Nullable(Float64) `json:$.product.price`,
                `action` LowCardinality(String) `json:$.action`,
                `timestamp` DateTime `json:$.timestamp`

            ENGINE "MergeTree"
            ENGINE_SORTING_KEY "action, timestamp"
            """;
}
