package dev.mvlab.cli;

import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.Plan;
import dev.mvlab.render.SqlRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;

/** {@code mvlab render [--out DIR] [NAME...]}: the project's SQL, printed or written one file per statement. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render the datafiles to ClickHouse SQL, in apply order.")
final class RenderCommand implements Runnable {
    @Mixin
    ProjectOption project;
    @Mixin
    RenderingOptions rendering;
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write one numbered .sql file per statement into DIR (replacing only the files mvlab wrote there).")
    Path out;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these data sources and pipes.")
    List<String> names;

    @Override
    public void run() {
        ProjectGraph graph = RenderingOptions.graph(project.project, spec.commandLine().getErr());
        SqlRenderer renderer = rendering.renderer();
        Plan plan = names == null || names.isEmpty() ? renderer.applyPlan(graph) : renderer.applyPlan(graph, names);
        if (out == null) {
            spec.commandLine().getOut().print(plan.script());
            return;
        }
        List<Path> files = SqlFiles.write(plan, out);
        spec.commandLine().getOut().println("wrote " + files.size() + " files to " + out);
    }
}
