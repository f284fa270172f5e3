package dev.mvlab.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The product catalog: brand, model, a stable price and stock per product, derived only from the number of
 * products and the catalog seed. The event stream and {@code generate products} build the same catalog, so the
 * price of a purchase always equals the product's first price in the products table.
 */
public final class ProductCatalog {
    private static final String[] BRANDS = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli",
            "Soylent", "Tyrell", "Wonka", "Cyberdyne", "Vandelay", "Oceanic", "Massive", "Aperture", "Gringotts"};
    private static final String[] MODELS = {"Air", "Pro", "Max", "Mini", "Lite", "Ultra", "One", "Neo", "Flex",
            "Core", "Edge", "Go", "Plus", "Zen", "Volt", "Nova"};

    private final List<Product> products;

    private ProductCatalog(List<Product> products) {
        this.products = products;
    }

    public static ProductCatalog create(int size, long catalogSeed) {
        SplittableRandom random = new SplittableRandom(catalogSeed ^ 0x5DEECE66DL);
        List<Product> products = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String brand = BRANDS[random.nextInt(BRANDS.length)];
            String model = MODELS[random.nextInt(MODELS.length)] + " " + (100 + random.nextInt(900));
            // log-uniform whole-dollar prices from 2 to 500, ending in .99
            long dollars = Math.round(Math.exp(Math.log(2) + random.nextDouble() * (Math.log(500) - Math.log(2))));
            long cents = Math.max(1, dollars - 1) * 100 + 99;
            int onHand = random.nextInt(1001);
            products.add(new Product(i, "product_" + i, brand, model, cents, onHand));
        }
        return new ProductCatalog(List.copyOf(products));
    }

    public int size() {
        return products.size();
    }

    public Product get(int index) {
        return products.get(index);
    }

    public List<Product> products() {
        return products;
    }
}
