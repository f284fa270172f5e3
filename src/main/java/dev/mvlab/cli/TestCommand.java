package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.endpointtest.EndpointTestFile;
import dev.mvlab.endpointtest.EndpointTestReader;
import dev.mvlab.endpointtest.EndpointTestRun;
import dev.mvlab.endpointtest.ExpectationUpdate;
import dev.mvlab.endpointtest.FixtureLoad;
import dev.mvlab.endpointtest.TestEnvironment;
import dev.mvlab.endpointtest.TestOutcome;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.serve.PipeCall;
import dev.mvlab.serve.ProjectEndpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mvlab test [FILES] [--update]}: a Forward project's tests/*.yaml, as {@code tb test run} / {@code update}. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the project's endpoint tests (tests/<endpoint>.yaml, Tinybird's test files) as tb test "
                + "run does: in a throw-away database with the project applied and fixtures/<data source>.ndjson "
                + "(or .csv) loaded, each test's endpoint called with its parameters as mvlab serve answers it, the "
                + "rows compared in order. The database is dropped afterwards.",
                "Exit codes: 0 all passed (or updated), 1 a test failed, 2 wrong usage, 3 a test file or datafile "
                        + "error, 4 ClickHouse refused a statement, 5 the engine is unavailable."})
final class TestCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;
    @Mixin
    RenderingOptions rendering;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Test files (tests/x.yaml) or their names (x); default: every file of tests/.")
    List<String> files = new ArrayList<>();

    @Option(names = "--update", description = "Rewrite each test's expected_result and expected_http_status with "
            + "what the endpoint answers now (as tb test update); names, parameters and the rest stay.")
    boolean update;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path project = engine.project();
        if (!files.isEmpty() && !java.nio.file.Files.exists(project.resolve(EndpointTestReader.FOLDER)
                .resolve(files.get(0) + ".yaml"))) {
            TbVerbs.testSubcommand(files).ifPresent(hint -> {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), hint);
            });
        }
        ProjectGraph graph = RenderingOptions.graph(project, err);
        List<String> endpoints = new ProjectEndpoints(graph).list().stream().map(e -> e.name()).toList();
        List<Path> paths = files.isEmpty() ? EndpointTestReader.projectFiles(project)
                : files.stream().map(f -> EndpointTestReader.resolve(project, f)).toList();
        if (paths.isEmpty()) {
            throw new MvlabException(ExitCode.USAGE, "no test files in " + project.resolve(EndpointTestReader.FOLDER),
                    "write tests/<endpoint>.yaml (a list of '- name:' tests with parameters and expected_result)");
        }
        List<EndpointTestFile> tests = paths.stream().map(p -> EndpointTestReader.read(p, endpoints)).toList();
        out.println("» Building test environment");
        out.flush();
        List<EndpointTestRun.FileRun> runs;
        try (Database server = engine.connect(err, "default");
             TestEnvironment environment = TestEnvironment.build(server, graph, rendering.renderer())) {
            for (FixtureLoad load : environment.fixtures()) {
                out.printf("  %s: %,d rows into %s%s%n", project.relativize(load.file()), load.rows(),
                        load.datasource(), load.quarantined() > 0 ? ", " + load.quarantined() + " quarantined: "
                                + String.join(" | ", load.errors()) : "");
            }
            out.println("✓ Done! (database " + environment.databaseName() + ", dropped at the end)");
            out.println();
            out.println("» Running tests");
            runs = EndpointTestRun.run(tests, new PipeCall(graph, environment.database()));
        }
        long failed = 0;
        long total = 0;
        for (EndpointTestRun.FileRun run : runs) {
            out.println("* " + run.file().path().getFileName());
            for (TestOutcome outcome : run.outcomes()) {
                total++;
                if (outcome.passed()) {
                    out.println("✓ " + outcome.test().name() + " passed");
                } else {
                    failed++;
                    out.println("✗ " + outcome.test().name() + (update ? " updated" : " failed"));
                    if (!update) {
                        outcome.differences().forEach(d -> out.println("    " + d));
                    }
                }
            }
        }
        out.println();
        if (update) {
            List<EndpointTestFile> changed = ExpectationUpdate.write(runs);
            changed.forEach(f -> out.println("updated " + f.path()));
            out.printf("%d test(s), %d expectation(s) updated in %d file(s)%n", total, failed, changed.size());
            return ExitCode.OK.code();
        }
        out.printf("%d test(s): %d passed, %d failed%n", total, total - failed, failed);
        if (failed > 0) {
            out.println("hint: fix the pipe, or accept the new answers with: mvlab test --update");
        }
        return failed > 0 ? ExitCode.VERDICT.code() : ExitCode.OK.code();
    }
}
