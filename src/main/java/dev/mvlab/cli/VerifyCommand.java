package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ObjectKind;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.lesson.Lesson;
import dev.mvlab.lesson.LessonCatalog;
import dev.mvlab.verify.Check;
import dev.mvlab.verify.CheckFileReader;
import dev.mvlab.verify.CheckResult;
import dev.mvlab.verify.Verdict;
import dev.mvlab.verify.VerificationReport;
import dev.mvlab.verify.Verifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code mvlab verify}: run declared checks, print MATCH or DRIFT for each, exit 1 when one is not as expected. */
@Command(name = "verify", description = {"Compare what materialized views answer with the raw data.",
        "Runs the checks of checks/*.yaml (or of the FILEs, or of --lesson N) and exits 1 when a verdict is not the",
        "expected one."})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;
    @Mixin
    FormatOption format;
    @Mixin
    LocalClusterReadWrite cluster;

    @Option(names = "--lesson", paramLabel = "N", description = "Run the checks lesson N declares or uses.")
    Integer lesson;

    @Option(names = "--check", paramLabel = "NAME", description = "Run only this check (repeatable).")
    List<String> only = new ArrayList<>();

    @Option(names = "--per-shard", description = {"On a cluster, run each check once per shard: every read of a data "
            + "source's Distributed table is narrowed to one shard (_shard_num), so a view whose shards drift shows even "
            + "when the totals match (see docs/clusters.md)."})
    boolean perShard;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Check files (default: checks/*.yaml).")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        Lesson chosen = lesson == null ? null : new LessonCatalog(engine.project()).get(lesson);
        List<Check> checks = selected(chosen != null ? lessonChecks(chosen)
                : files.isEmpty() ? CheckFileReader.readProject(engine.project()) : fromFiles());
        String db = database.nameOr(chosen != null ? chosen.database() : DatabaseOption.DEFAULT);
        PrintWriter out = VerdictColours.wrap(spec.commandLine().getOut(), Terminal.colour() && !format.json());
        VerificationReport report;
        PrintWriter err = spec.commandLine().getErr();
        if (!cluster.given()) {
            LocalClusterReadWrite.noteWhenUnused(engine, err);
        }
        try (Database connection = cluster.given() ? cluster.connect(engine, err, db)
                : DatabaseOption.connect(engine, err, db)) {
            report = perShard ? new Verifier().verifyPerShard(checks, connection, dataSources())
                    : new Verifier().verify(checks, connection);
        }
        if (format.json()) {
            JsonReport.print(out, JsonReport.verify(db, report));
            return report.asExpected() ? ExitCode.OK.code() : ExitCode.VERDICT.code();
        }
        VerificationPrinter.summary(out, report.results(), "");
        for (CheckResult result : report.results()) {
            if (result.verdict() != Verdict.MATCH || !result.asExpected() || VerificationPrinter.comparedNothing(result)) {
                out.println();
                VerificationPrinter.details(out, result, "");
            }
        }
        out.println();
        out.println(report.asExpected() ? "All " + checks.size() + " verdicts as expected."
                : report.unexpected().size() + " of " + checks.size() + " verdicts differ from what was expected.");
        return report.asExpected() ? ExitCode.OK.code() : ExitCode.VERDICT.code();
    }

    /** The project's tables (data sources and inline targets): on a cluster, the Distributed tables. */
    private Set<String> dataSources() {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(engine.project()));
        return graph.objects().stream().filter(o -> o.kind() == ObjectKind.TABLE).map(ProjectObject::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private List<Check> lessonChecks(Lesson chosen) {
        if (!files.isEmpty()) {
            throw new MvlabException(ExitCode.USAGE, "give either --lesson or check files, not both");
        }
        return new ArrayList<>(chosen.checks().values());
    }

    private List<Check> fromFiles() {
        List<Check> checks = new ArrayList<>();
        files.forEach(file -> checks.addAll(CheckFileReader.read(file)));
        CheckFileReader.index(checks);
        return checks;
    }

    private List<Check> selected(List<Check> checks) {
        if (checks.isEmpty()) {
            throw new MvlabException(ExitCode.USAGE, "no checks to run",
                    "declare checks in " + CheckFileReader.FOLDER + "/*.yaml or name check files");
        }
        if (only.isEmpty()) {
            return checks;
        }
        Map<String, Check> byName = CheckFileReader.index(checks);
        List<Check> chosen = new ArrayList<>();
        for (String name : only) {
            Check check = byName.get(name);
            if (check == null) {
                throw new MvlabException(ExitCode.USAGE, "no check named '" + name + "'",
                        "known checks: " + String.join(", ", byName.keySet()));
            }
            chosen.add(check);
        }
        return chosen;
    }
}
