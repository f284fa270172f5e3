package dev.mvlab.cli;

import dev.mvlab.datafile.ClusterSettings;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.ClusterTarget;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code --cluster NAME}: render and deploy for a cluster target of the project's {@code mvlab.properties}
 * ({@code cluster.NAME.*}), or mvlab's local cluster ({@code local}). Without it, one server.
 */
public final class ClusterOption {
    @Option(names = "--cluster", paramLabel = "NAME", description = {"Render for the cluster NAME of mvlab.properties "
            + "(cluster.NAME.kind = real|cloud; see docs/clusters.md), or `local` for mvlab's local cluster: "
            + "ON CLUSTER, Replicated engines, a local table per data source (NAME_local) and a Distributed table "
            + "with the data source's name."})
    String name;

    /** True when a cluster was named. */
    boolean given() {
        return name != null;
    }

    /** The named target, or null for one server; errors name the settings line. */
    ClusterTarget target(Path projectDir, ProjectGraph graph) {
        if (name == null) {
            return null;
        }
        List<String> tables = graph.objects().stream().filter(o -> o.kind() == ObjectKind.TABLE)
                .map(ProjectObject::name).toList();
        return ClusterSettings.read(projectDir, name, tables);
    }
}
