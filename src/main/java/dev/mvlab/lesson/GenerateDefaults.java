package dev.mvlab.lesson;

/** A lesson's default data sizes: events per {@code generate} step, products, and the seed. */
public record GenerateDefaults(long events, long products, long seed) {
    public static final GenerateDefaults STANDARD = new GenerateDefaults(10_000, 100, 42);
}
