package dev.mvlab.cli;

import dev.mvlab.graph.LineageText;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.MermaidDiagram;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import dev.mvlab.deploy.ShardPlacementLint;
import dev.mvlab.model.ClusterTarget;

import java.util.List;
import java.util.Locale;

/** {@code mvlab plan [--format text|mermaid]}: the apply order and the lineage of the project. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the apply order and the data lineage (text tree or Mermaid).")
final class PlanCommand implements Runnable {
    enum Format { TEXT, MERMAID, JSON }

    @Mixin
    ProjectOption project;
    @Mixin
    ClusterOption cluster;
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text, mermaid or json (default: text).")
    Format format;

    @Override
    public void run() {
        ProjectGraph graph = RenderingOptions.graph(project.project, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            JsonReport.print(out, JsonReport.plan(graph));
            return;
        }
        if (format == Format.MERMAID) {
            out.print(MermaidDiagram.of(graph));
            return;
        }
        out.print(applyOrder(graph));
        ClusterTarget target = cluster.target(project.project, graph);
        if (target != null) {
            out.println();
            out.print(clusterLayout(graph, target));
            ShardPlacementLint.warnings(graph, target).forEach(spec.commandLine().getErr()::println);
        }
        out.println();
        out.println("Lineage (==> writes):");
        out.print(LineageText.of(graph));
    }

    /** Where each table's rows live on the cluster target, with the sharding key of its Distributed table. */
    static String clusterLayout(ProjectGraph graph, ClusterTarget target) {
        StringBuilder text = new StringBuilder("Cluster " + target.name() + " (" + target.kind().word() + "): ");
        if (!target.kind().splitsTables()) {
            return text.append("each table as on one server (ClickHouse Cloud replicates it; no Distributed)\n")
                    .toString();
        }
        text.append(target.kind().onCluster() ? "ON CLUSTER DDL, Replicated engines" : "DDL sent to every node, "
                + "plain engines").append("; materialized views on every node read and write local tables\n");
        for (ProjectObject o : graph.applyOrder()) {
            if (o.kind() == ObjectKind.TABLE) {
                text.append(String.format(Locale.ROOT, "      %-28s on every node; %s Distributed, sharded by %s%n",
                        target.localName(o.name()), o.name(), target.shardingKey(o.table())));
            }
        }
        return text.toString();
    }

    static String applyOrder(ProjectGraph graph) {
        List<ProjectObject> order = graph.applyOrder();
        int nameWidth = order.stream().mapToInt(o -> o.name().length()).max().orElse(4);
        StringBuilder text = new StringBuilder("Apply order (drop runs it backwards):\n");
        for (int i = 0; i < order.size(); i++) {
            ProjectObject o = order.get(i);
            String kind = o.inlineTable() ? "table (inline)" : o.kind().label();
            text.append(String.format(Locale.ROOT, "%4d  %-18s %-" + nameWidth + "s  %s:%d%s%n", i + 1, kind,
                    o.name(), o.location().file(), o.location().line(),
                    o.writes() == null ? "" : (o.kind() == ObjectKind.COPY ? "  copies into (on demand) " : "  writes ")
                            + o.writes()));
        }
        return text.toString();
    }
}
