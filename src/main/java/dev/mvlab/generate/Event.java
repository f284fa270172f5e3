package dev.mvlab.generate;

/**
 * One e-store event as the stream emits it.
 *
 * @param customer    the customer's number (customer_{n})
 * @param product     the product's number (product_{n})
 * @param timestamp   event time in seconds since 1970-01-01T00:00:00 (no time zone: the text carries none)
 * @param priceCents  the catalog price for purchases, else -1
 * @param duplicate   true for an exact resend of an earlier line
 * @param late        true when the timestamp lies behind the simulated clock
 */
public record Event(int customer, int product, Action action, long timestamp, long priceCents, boolean duplicate,
                    boolean late) {

    public boolean hasPrice() {
        return priceCents >= 0;
    }
}
