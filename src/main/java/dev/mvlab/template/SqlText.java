package dev.mvlab.template;

/**
 * A string that is already SQL (what Array(), column(), symbol(), sql_and() return): {@code {{ }}} writes it as is.
 * In expressions it behaves as a Python string (compares, concatenates, iterates by character).
 */
record SqlText(String sql) {
    @Override
    public String toString() {
        return sql;
    }
}
