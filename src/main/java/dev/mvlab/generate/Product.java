package dev.mvlab.generate;

/**
 * One product of the catalog. Prices are kept in cents so that they print exactly (23.99, never 23.990000001).
 */
public record Product(int index, String id, String brand, String model, long priceCents, int numberOnHand) {

    public double price() {
        return priceCents / 100.0;
    }

    /** The price as the events and the products table carry it: {@code 23.99}, {@code 5.00}. */
    public String priceText() {
        return formatCents(priceCents);
    }

    static String formatCents(long cents) {
        long whole = cents / 100;
        long fraction = cents % 100;
        return whole + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
