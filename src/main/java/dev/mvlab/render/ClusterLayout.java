package dev.mvlab.render;

import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.graph.TableReferences;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.sql.SqlLiterals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ClusterTarget} changes in the statements: the {@code ON CLUSTER} clause (real clusters only), the
 * {@code Replicated*} engines with their Keeper path and replica (real clusters only), the local table of each data
 * source on every node and the Distributed table over them (real and local clusters), and the materialized views
 * attached to the local table of the table that triggers them. A null target is one node: nothing changes.
 */
final class ClusterLayout {
    private final ClusterTarget target;

    ClusterLayout(ClusterTarget target) {
        this.target = target;
    }

    boolean singleNode() {
        return target == null;
    }

    /** True when each data source is a local table plus a Distributed table. */
    boolean distributed() {
        return target != null && target.kind().splitsTables();
    }

    /** {@code 'cluster'} for ON CLUSTER on a real cluster, else null (the template then prints no clause). */
    String onCluster() {
        return target != null && target.kind().onCluster() ? SqlLiterals.string(target.name()) : null;
    }

    /** The name of a data source's table on each node ({@code x_local} when distributed). */
    String localTable(String dataSource) {
        return distributed() ? target.localName(dataSource) : dataSource;
    }

    /** The engine clause model, with a MergeTree-family engine turned into its Replicated form on a real cluster. */
    Map<String, Object> engine(Map<String, Object> engine) {
        if (target == null || !target.kind().replicated() || !engine.get("name").toString().endsWith("MergeTree")) {
            return engine;
        }
        Map<String, Object> model = new LinkedHashMap<>(engine);
        model.put("name", "Replicated" + engine.get("name"));
        List<String> args = new ArrayList<>();
        args.add(SqlLiterals.string(target.replicatedPath()));
        args.add(SqlLiterals.string(target.replicaName()));
        Object own = engine.get("args");
        if (own instanceof List<?> list) {
            list.forEach(a -> args.add(a.toString()));
        }
        model.put("args", args);
        return model;
    }

    /** The Distributed engine's arguments: cluster, database, local table, sharding key. */
    List<String> distributedArgs(ProjectObject table) {
        return List.of(SqlLiterals.string(target.name()), "currentDatabase()",
                SqlLiterals.string(target.localName(table.name())), target.shardingKey(table.table()));
    }

    /**
     * A materialized view's query with its trigger read from the local table: ClickHouse attaches a view to the
     * first table its query reads, and a view attached to the Distributed table would run on the node that received
     * the insert, not on the shard that stores the rows. The trigger is the first data source named after FROM or
     * JOIN; every mention of it becomes its local table, other tables stay their Distributed names (a join reads
     * every shard).
     */
    String triggerOnLocal(ProjectGraph graph, String sql) {
        if (!distributed()) {
            return sql;
        }
        TableReferences refs = TableReferences.of(sql);
        String trigger = null;
        for (TableReferences.Reference ref : refs.tables()) {
            if (isTable(graph, refs, ref)) {
                trigger = ref.name();
                break;
            }
        }
        if (trigger == null) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql);
        List<TableReferences.Reference> all = refs.tables();
        for (int i = all.size() - 1; i >= 0; i--) {
            TableReferences.Reference ref = all.get(i);
            if (isTable(graph, refs, ref) && ref.name().equals(trigger)) {
                out.replace(ref.offset(), ref.end(), SqlNames.name(target.localName(trigger)));
            }
        }
        return out.toString();
    }

    private static boolean isTable(ProjectGraph graph, TableReferences refs, TableReferences.Reference ref) {
        return !ref.tableFunction() && ref.database() == null && !refs.localNames().contains(ref.name())
                && graph.object(ref.name()).map(o -> o.kind() == ObjectKind.TABLE).orElse(false);
    }

    /** The first comment line of every statement of a cluster plan: which target it is for. */
    String headerLine() {
        return switch (target.kind()) {
            case REAL -> "cluster " + target.name() + " (real: ON CLUSTER, Replicated engines, local + Distributed)";
            case CLOUD -> "cluster " + target.name() + " (ClickHouse Cloud: SharedMergeTree and the Replicated "
                    + "database replicate it; no ON CLUSTER, no Distributed)";
            case LOCAL -> "cluster " + target.name() + " (local: run on every node; plain engines, local + "
                    + "Distributed)";
        };
    }
}
