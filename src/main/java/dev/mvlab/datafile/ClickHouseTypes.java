package dev.mvlab.datafile;

import java.util.Set;

/** Base names of ClickHouse data types, to warn about a probable typo in a SCHEMA (ClickHouse has the last word). */
final class ClickHouseTypes {
    private static final Set<String> NAMES = Set.of("UInt8", "UInt16", "UInt32", "UInt64", "UInt128", "UInt256",
            "Int8", "Int16", "Int32", "Int64", "Int128", "Int256", "Float32", "Float64", "BFloat16", "Decimal",
            "Decimal32", "Decimal64", "Decimal128", "Decimal256", "Bool", "Boolean", "String", "FixedString", "UUID",
            "Date", "Date32", "DateTime", "DateTime32", "DateTime64", "Time", "Time64", "Enum", "Enum8", "Enum16",
            "LowCardinality", "Array", "Tuple", "Map", "Nullable", "Nested", "IPv4", "IPv6", "AggregateFunction",
            "SimpleAggregateFunction", "JSON", "Object", "Variant", "Dynamic", "Point", "Ring", "LineString",
            "MultiLineString", "Polygon", "MultiPolygon", "Geometry", "Nothing", "IntervalSecond", "IntervalMinute",
            "IntervalHour", "IntervalDay", "IntervalWeek", "IntervalMonth", "IntervalQuarter", "IntervalYear");
    /** SQL aliases ClickHouse accepts in any case. */
    private static final Set<String> ALIASES = Set.of("INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "FLOAT",
            "DOUBLE", "REAL", "TEXT", "VARCHAR", "CHAR", "BLOB", "BOOLEAN", "BOOL", "TIMESTAMP", "DECIMAL", "NUMERIC",
            "BINARY", "VARBINARY", "BYTEA", "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "DATE", "DATETIME", "UUID", "JSON");

    private ClickHouseTypes() {
    }

    /** True when the type's base name (before any parenthesis) is a ClickHouse type or SQL alias. */
    static boolean isKnown(String type) {
        int paren = type.indexOf('(');
        String base = (paren < 0 ? type : type.substring(0, paren)).strip();
        return NAMES.contains(base) || ALIASES.contains(base.toUpperCase(java.util.Locale.ROOT));
    }
}
