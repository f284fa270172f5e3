package dev.mvlab.cli;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.model.Project;
import dev.mvlab.model.Warning;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --templates}: a folder of templates that win over the built-in ones; and loading a project's graph. */
public final class RenderingOptions {
    @Option(names = "--templates", paramLabel = "DIR",
            description = "A folder of SQL templates (.ftl) that win over the built-in ones of the same name.")
    Path templates;

    SqlRenderer renderer() {
        return new SqlRenderer(new SqlTemplates(templates));
    }

    /** A renderer for a cluster target (null: one server). */
    SqlRenderer renderer(ClusterTarget cluster) {
        return new SqlRenderer(new SqlTemplates(templates), cluster);
    }

    /** Loads the project (warnings go to err) and builds its dependency graph. */
    static ProjectGraph graph(Path projectDir, PrintWriter err) {
        Project project = ProjectLoader.load(projectDir);
        for (Warning warning : project.warnings()) {
            err.println(warning);
        }
        ProjectGraph graph = GraphBuilder.build(project);
        for (Warning warning : graph.lint()) {
            err.println(warning);
        }
        err.flush();
        return graph;
    }
}
