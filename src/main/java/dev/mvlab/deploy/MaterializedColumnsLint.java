package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;
import dev.mvlab.render.SqlRenderer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lint of materialized views against their targets, asked of ClickHouse in check's throwaway database: a column the
 * SELECT gives that the target lacks (ClickHouse drops it silently), a target column the SELECT misses and that has no
 * DEFAULT of its own (ClickHouse fills in the type's default silently), and two materialized views writing one target
 * with different column sets.
 */
final class MaterializedColumnsLint {
    private MaterializedColumnsLint() {
    }

    static List<Warning> of(ProjectGraph graph, Database db, SqlRenderer renderer, Set<String> failed) {
        List<Warning> warnings = new ArrayList<>();
        Map<String, Map<ProjectObject, Set<String>>> byTarget = new LinkedHashMap<>();
        for (ProjectObject mv : graph.objects()) {
            if (mv.kind() != ObjectKind.MATERIALIZED_VIEW || failed.contains(mv.name())
                    || failed.contains(mv.writes())) {
                continue;
            }
            Set<String> selected;
            Map<String, String> target = new LinkedHashMap<>();
            try {
                selected = new LinkedHashSet<>();
                for (List<Object> row : db.run("DESCRIBE (" + renderer.select(mv) + ")").rows()) {
                    selected.add(String.valueOf(row.get(0)));
                }
                for (dev.mvlab.clickhouse.ColumnEntry column : dev.mvlab.clickhouse.ServerCatalog.of(db)
                        .columns(db.name(), mv.writes())) {
                    target.put(column.name(), column.defaultKind());
                }
            } catch (DatabaseException e) {
                continue;
            }
            for (String column : selected) {
                if (!target.containsKey(column)) {
                    warnings.add(new Warning(mv.location(), "materialized pipe " + mv.name() + " selects `" + column
                            + "`, which target " + mv.writes() + " lacks: ClickHouse drops it silently",
                            WarningKind.MV_COLUMN_DROPPED));
                }
            }
            target.forEach((column, defaultKind) -> {
                if (!selected.contains(column) && (defaultKind == null || defaultKind.isEmpty())) {
                    warnings.add(new Warning(mv.location(), "materialized pipe " + mv.name() + " does not select `"
                            + column + "` of target " + mv.writes() + ": ClickHouse fills it with the type's "
                            + "default silently", WarningKind.MV_COLUMN_DEFAULTED));
                }
            });
            byTarget.computeIfAbsent(mv.writes(), t -> new LinkedHashMap<>()).put(mv, selected);
        }
        byTarget.forEach((target, writers) -> {
            if (new LinkedHashSet<>(writers.values()).size() > 1) {
                List<String> described = new ArrayList<>();
                writers.forEach((mv, columns) -> described.add(mv.name() + " (" + String.join(", ", columns) + ")"));
                ProjectObject first = writers.keySet().iterator().next();
                warnings.add(new Warning(first.location(), "materialized pipes writing " + target + " select "
                        + "different column sets: " + String.join("; ", described),
                        WarningKind.MV_COLUMN_SETS_DIFFER));
            }
        });
        return warnings;
    }
}
