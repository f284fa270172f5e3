package dev.mvlab.model;

/**
 * One column of a data source's {@code SCHEMA}.
 *
 * @param name         the column name, unquoted
 * @param type         the ClickHouse type as written, e.g. {@code AggregateFunction(sum, Float64)}
 * @param jsonPath     the JSONPath ({@code $.product.price}, {@code $.items[:]}, {@code $}) or null
 * @param defaultExpr  the {@code DEFAULT} expression or null
 * @param codec        the {@code CODEC(...)} arguments or null
 */
public record Column(String name, String type, String jsonPath, String defaultExpr, String codec,
                     SourceLocation location) {
}
