package dev.mvlab.deploy;

import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.TableEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a cluster target leaves a merging table's rows of one key on several shards. A materialized view's target is
 * filled on each shard from the rows its trigger table holds there, so its rows sit where the data source at the
 * head of its chain of views was put by its Distributed table's sharding key. When that key is {@code rand()} and the
 * target is a ReplacingMergeTree (or another engine that merges the rows of one key), the versions or duplicates of
 * one key land on different shards and never merge: {@code FINAL} and merges keep one per shard.
 */
public final class ShardPlacementLint {
    private ShardPlacementLint() {
    }

    /** One warning per merging target whose rows are spread at random, naming the data source to shard otherwise. */
    public static List<String> warnings(ProjectGraph graph, ClusterTarget target) {
        List<String> warnings = new ArrayList<>();
        if (!target.kind().splitsTables()) {
            return warnings;
        }
        for (ProjectObject view : graph.applyOrder()) {
            if (view.kind() != ObjectKind.MATERIALIZED_VIEW || view.reads().isEmpty()) {
                continue;
            }
            DataSource written = table(graph, view.writes()).orElse(null);
            if (written == null || !merges(written)) {
                continue;
            }
            String head = head(graph, view.reads().iterator().next(), 0);
            DataSource source = table(graph, head).orElse(null);
            if (source != null && target.shardingKey(source).equals("rand()")) {
                warnings.add("warning: " + written.name() + " (" + written.engine().engine() + ") is filled on each "
                        + "shard by " + view.name() + " from " + head + ", which is sharded by rand(): the rows of one "
                        + "key of " + written.name() + " can land on different shards and never merge; shard " + head
                        + " by columns of that key (cluster." + target.name() + ".sharding_key." + head
                        + " = cityHash64(...))");
            }
        }
        return warnings;
    }

    /** The data source at the head of the chain of views that fills {@code table}. */
    private static String head(ProjectGraph graph, String table, int depth) {
        if (depth > 32) {
            return table;
        }
        for (ProjectObject object : graph.applyOrder()) {
            if (object.kind() == ObjectKind.MATERIALIZED_VIEW && table.equals(object.writes())
                    && !object.reads().isEmpty()) {
                return head(graph, object.reads().iterator().next(), depth + 1);
            }
        }
        return table;
    }

    private static Optional<DataSource> table(ProjectGraph graph, String name) {
        return name == null ? Optional.empty() : graph.object(name).filter(o -> o.kind() == ObjectKind.TABLE)
                .map(ProjectObject::table);
    }

    private static boolean merges(DataSource table) {
        TableEngine engine = table.engine() == null ? null : table.engine().engine();
        return engine == TableEngine.REPLACING_MERGE_TREE || engine == TableEngine.COLLAPSING_MERGE_TREE
                || engine == TableEngine.VERSIONED_COLLAPSING_MERGE_TREE;
    }
}
