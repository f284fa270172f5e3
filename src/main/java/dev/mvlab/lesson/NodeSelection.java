package dev.mvlab.lesson;

import dev.mvlab.yaml.YamlList;
import dev.mvlab.yaml.YamlNode;
import dev.mvlab.yaml.YamlScalar;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's {@code on:} in a cluster lesson: the nodes it runs on, by name ({@code on: s2r1}, {@code on: [s2r1,
 * s2r2]}) or {@code on: all} (every node, shard by shard, as mvlab fans DDL out in place of {@code ON CLUSTER}).
 * Without {@code on:} a step runs on the lesson's first node.
 */
record NodeSelection(List<String> nodes, boolean every) {
    static final String FIELD = "on";
    static final String ALL = "all";

    NodeSelection {
        nodes = List.copyOf(nodes);
    }

    NodeSelection(List<String> nodes) {
        this(nodes, false);
    }

    /** What a step will show and do, after where it runs ({@code mvlab lesson show}); {@code on} may be null. */
    static List<StepOutput> preview(NodeSelection on, List<StepOutput> outputs) {
        if (on == null) {
            return outputs;
        }
        List<StepOutput> preview = new ArrayList<>();
        preview.add(new StepOutput.Info(on.describe()));
        preview.addAll(outputs);
        return preview;
    }

    /** The step's {@code on:}, checked against the lesson's cluster; absent: the first node. */
    static NodeSelection of(StepSpec spec) {
        LessonClusterShape cluster = spec.cluster();
        YamlNode value = spec.map().get(FIELD).orElse(null);
        if (value == null) {
            return cluster == null ? null : new NodeSelection(List.of(cluster.firstNode()));
        }
        if (cluster == null) {
            throw spec.error(value, "'on' names nodes of the lesson's cluster, and this lesson has none",
                    "add `cluster: {shards: 2, replicas: 2}` to the manifest, or remove 'on'");
        }
        List<YamlNode> items = value instanceof YamlList list ? list.items() : List.of(value);
        List<String> nodes = new ArrayList<>();
        for (YamlNode item : items) {
            if (!(item instanceof YamlScalar s) || s.isNull() || s.text().isBlank()) {
                throw spec.error(item, "'on' takes a node name, a list of them or `all`, not " + item.describe());
            }
            String name = s.text().strip();
            if (name.equals(ALL) && items.size() == 1) {
                return new NodeSelection(cluster.nodes(), true);
            }
            if (!cluster.nodes().contains(name)) {
                throw spec.error(item, "the lesson's cluster has no node '" + name + "'",
                        "its nodes: " + String.join(", ", cluster.nodes()) + " (or `all`)");
            }
            if (!nodes.contains(name)) {
                nodes.add(name);
            }
        }
        if (nodes.isEmpty()) {
            throw spec.error(value, "'on' needs at least one node");
        }
        return new NodeSelection(nodes);
    }

    /** How the step says where it runs, e.g. {@code on s2r1, s2r2}. */
    String describe() {
        return every ? "on every node (" + String.join(", ", nodes) + ")" : "on " + String.join(", ", nodes);
    }
}
