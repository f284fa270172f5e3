package dev.mvlab.datafile;

import dev.mvlab.model.Column;
import dev.mvlab.model.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The connector a data source reads from (Kafka, DynamoDB, S3, GCS), told by its connector instructions, and the
 * columns Tinybird adds to such a data source. mvlab runs no connector: the columns exist so keys, materialized views
 * and endpoints that use them work against rows inserted by hand.
 */
enum Connector {
    KAFKA(List.of(
            new Implicit("__value", "String"),
            new Implicit("__topic", "LowCardinality(String)"),
            new Implicit("__partition", "Int16"),
            new Implicit("__offset", "Int64"),
            new Implicit("__timestamp", "DateTime"),
            new Implicit("__key", "String"),
            new Implicit("__headers", "Map(String, String)"))),
    DYNAMODB(List.of(
            new Implicit("_record", "String"),
            new Implicit("_old_record", "Nullable(String)"),
            new Implicit("_timestamp", "DateTime64(3)"),
            new Implicit("_event_name", "LowCardinality(String)"),
            new Implicit("_is_deleted", "UInt8"))),
    S3(List.of()),
    GCS(List.of()),
    OTHER(List.of());

    /** A column the connector adds: name and ClickHouse type. */
    record Implicit(String name, String type) {
    }

    private final List<Implicit> columns;

    Connector(List<Implicit> columns) {
        this.columns = columns;
    }

    /** The connector of a data source's instructions, or null when it has none. */
    static Connector of(List<Instruction> instructions) {
        Set<String> keywords = instructions.stream().map(Instruction::keyword).collect(Collectors.toSet());
        if (keywords.stream().anyMatch(k -> k.startsWith("KAFKA_"))) {
            return KAFKA;
        }
        String service = instructions.stream().filter(i -> i.keyword().equals("IMPORT_SERVICE"))
                .map(i -> Values.unquote(i.value()).strip().toLowerCase(Locale.ROOT)).findFirst().orElse(null);
        if ("dynamodb".equals(service)) {
            return DYNAMODB;
        }
        if ("s3".equals(service) || "s3_iamrole".equals(service) || keywords.stream().anyMatch(k -> k.startsWith("S3_"))) {
            return S3;
        }
        if ("gcs".equals(service) || keywords.stream().anyMatch(k -> k.startsWith("GCS_"))) {
            return GCS;
        }
        return service != null || keywords.stream().anyMatch(k -> k.startsWith("IMPORT_")) ? OTHER : null;
    }

    String label() {
        return switch (this) {
            case KAFKA -> "Kafka";
            case DYNAMODB -> "DynamoDB";
            case S3 -> "S3";
            case GCS -> "GCS";
            case OTHER -> "import";
        };
    }

    /** The schema's columns, then the connector's columns the schema does not declare itself. */
    List<Column> withImplicitColumns(List<Column> declared, SourceLocation at) {
        List<Column> all = new ArrayList<>(declared);
        for (Implicit implicit : columns) {
            if (declared.stream().noneMatch(c -> c.name().equals(implicit.name()))) {
                all.add(new Column(implicit.name(), implicit.type(), null, null, null, at));
            }
        }
        return List.copyOf(all);
    }

    List<String> implicitNames() {
        return columns.stream().map(Implicit::name).toList();
    }
}
