package dev.mvlab.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A plan as numbered SQL files, one statement each, in run order: {@code 01_table_estore_events.sql}. */
public final class PlanFiles {
    private PlanFiles() {
    }

    /** File name to content, in plan order. */
    public static Map<String, String> of(Plan plan) {
        Map<String, String> files = new LinkedHashMap<>();
        int width = Math.max(2, String.valueOf(plan.statements().size()).length());
        int n = 0;
        for (Statement statement : plan.statements()) {
            n++;
            String name = String.format(Locale.ROOT, "%0" + width + "d_%s_%s.sql", n, kind(statement.kind()),
                    statement.object());
            files.put(name, statement.terminated() + "\n");
        }
        return files;
    }

    private static String kind(StatementKind kind) {
        return switch (kind) {
            case CREATE_TABLE, CREATE_TABLE_AS_SELECT -> "table";
            case CREATE_DISTRIBUTED_TABLE -> "distributed";
            case CREATE_MATERIALIZED_VIEW -> "mv";
            case CREATE_VIEW -> "view";
            case COPY -> "copy";
            case TRUNCATE_TABLE -> "truncate";
            case DROP_TABLE -> "drop_table";
            case DROP_VIEW -> "drop_view";
        };
    }
}
