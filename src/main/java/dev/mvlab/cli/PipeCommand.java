package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.serve.OutputFormat;
import dev.mvlab.serve.PipeCall;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code mvlab pipe data NAME --param k=v}: calls an endpoint from the command line, rendered as the API does. */
@Command(name = "pipe", mixinStandardHelpOptions = true, description = "Pipe endpoints.",
        subcommands = PipeCommand.Data.class)
final class PipeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The output forms of {@code pipe data}. */
    enum Format { TABLE, JSON, CSV }

    @Command(name = "data", mixinStandardHelpOptions = true,
            description = "The result of an endpoint with parameters, like GET /v0/pipes/NAME.json?k=v.")
    static final class Data implements Callable<Integer> {
        @Mixin
        EngineOptions engine;
        @Mixin
        DatabaseOption database;
        @Mixin
        RenderingOptions rendering;
        @Mixin
        LocalClusterReadWrite cluster;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The endpoint pipe.")
        String name;

        @Option(names = "--param", paramLabel = "k=v", description = "A request parameter (repeatable; repeat a name "
                + "for several values).")
        List<String> params = new ArrayList<>();

        @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default ${DEFAULT-VALUE}).")
        Format format;

        private Map<String, List<String>> parameters() {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String param : params) {
                int eq = param.indexOf('=');
                if (eq <= 0) {
                    throw new MvlabException(ExitCode.USAGE, "--param needs name=value, got '" + param + "'",
                            "example: --param limit=5");
                }
                values.computeIfAbsent(param.substring(0, eq), k -> new ArrayList<>()).add(param.substring(eq + 1));
            }
            return values;
        }

        @Override
        public Integer call() {
            ProjectGraph graph = RenderingOptions.graph(engine.project(), spec.commandLine().getErr());
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = cluster.given() ? cluster.connect(engine, err, database.name())
                    : engine.connectOne(err, database.name(), false)) {
                PipeCall call = new PipeCall(graph, db);
                PrintWriter out = spec.commandLine().getOut();
                switch (format) {
                    case TABLE -> out.println(ResultFormat.TABLE.render(call.rows(name, parameters())));
                    case JSON -> out.print(call.body(name, parameters(), OutputFormat.JSON));
                    case CSV -> out.print(call.body(name, parameters(), OutputFormat.CSV));
                }
                out.flush();
                return ExitCode.OK.code();
            }
        }
    }
}
