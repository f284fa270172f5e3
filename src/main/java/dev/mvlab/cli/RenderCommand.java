package dev.mvlab.cli;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.EndpointSql;
import dev.mvlab.render.Plan;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.template.ParameterValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mvlab render [--out DIR] [NAME...]}: the project's SQL, printed or written one file per statement.
 * {@code mvlab render PIPE --param name=value ...}: the SQL an endpoint call with these parameters runs.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render the datafiles to ClickHouse SQL, in apply order.",
                "With --param (or --endpoint), print the SQL a call of endpoint PIPE runs with those parameters."})
final class RenderCommand implements Runnable {
    @Mixin
    ProjectOption project;
    @Mixin
    RenderingOptions rendering;
    @Mixin
    CompatibilityOption compatibility;
    @Mixin
    ClusterOption cluster;
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write one numbered .sql file per statement into DIR (replacing only the files mvlab wrote there).")
    Path out;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A parameter of an endpoint call (repeat it; a name given twice is a list).")
    List<String> params;

    @Option(names = "--endpoint", description = "Print the SQL of an endpoint call (no --param: defaults).")
    boolean endpoint;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these data sources and pipes.")
    List<String> names;

    @Override
    public void run() {
        ProjectGraph graph = compatibility.check(RenderingOptions.graph(project.project, spec.commandLine().getErr()));
        if (endpoint || params != null && !params.isEmpty()) {
            if (names == null || names.size() != 1 || out != null || cluster.given()) {
                throw new MvlabException(ExitCode.USAGE, "--param and --endpoint render one endpoint call",
                        "write mvlab render PIPE --param name=value ...");
            }
            String sql = new EndpointSql(graph).sql(names.get(0), parameters());
            spec.commandLine().getOut().println(sql);
            return;
        }
        SqlRenderer renderer = rendering.renderer(cluster.target(project.project, graph));
        Plan plan = names == null || names.isEmpty() ? renderer.applyPlan(graph) : renderer.applyPlan(graph, names);
        if (out == null) {
            spec.commandLine().getOut().print(plan.script());
            return;
        }
        List<Path> files = SqlFiles.write(plan, out);
        spec.commandLine().getOut().println("wrote " + files.size() + " files to " + out);
    }

    private ParameterValues parameters() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String param : params == null ? List.<String>of() : params) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new MvlabException(ExitCode.USAGE, "--param " + param + ": expected NAME=VALUE",
                        "e.g. --param limit=10");
            }
            values.computeIfAbsent(param.substring(0, eq), k -> new ArrayList<>()).add(param.substring(eq + 1));
        }
        return ParameterValues.ofLists(values);
    }
}
