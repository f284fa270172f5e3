package dev.mvlab.cli;

import dev.mvlab.deploy.AppliedStatement;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.deploy.ApplyResult;
import dev.mvlab.deploy.ProjectCheck;
import dev.mvlab.deploy.ProjectCheckResult;
import dev.mvlab.deploy.Copy;
import dev.mvlab.deploy.DiffResult;
import dev.mvlab.deploy.Drop;
import dev.mvlab.deploy.Diff;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.engine.EngineRuntime;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.deploy.ClusterApply;
import dev.mvlab.deploy.ClusterDiffResult;
import dev.mvlab.deploy.ClusterNodeDiff;
import dev.mvlab.model.ClusterKind;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.render.SqlRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.mvlab.errors.MvlabException;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;

/** The commands that deploy a project to ClickHouse: apply, drop, diff, check and copy. */
final class DeployCommands {
    private DeployCommands() {
    }

    /** Options every deploy command shares. */
    abstract static class Base {
        @Mixin
        EngineOptions engine;
        @Mixin
        RenderingOptions rendering;
        @Mixin
        ClusterOption cluster;
        @Spec
        CommandSpec spec;
        private ProjectGraph graph;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        ProjectGraph graph() {
            graph = RenderingOptions.graph(engine.project(), err());
            return graph;
        }

        /**
         * What runs on one server only ({@code apply --backfill}, {@code copy}) refuses the local cluster, whose
         * statements each node must get: exit code 2, with the way that works.
         */
        static void refuseLocalCluster(ClusterTarget target, String what, String instead) {
            if (target != null && target.kind() == ClusterKind.LOCAL) {
                throw new MvlabException(ExitCode.USAGE, what + " runs on one server; it takes no --cluster local",
                        instead);
            }
        }

        /** The renderer for --cluster's target (one server without it); call after {@link #graph()}. */
        SqlRenderer renderer() {
            return rendering.renderer(cluster.target(engine.project(), graph == null ? graph() : graph));
        }

        Database server() {
            if (!cluster.given()) {
                LocalClusterReadWrite.noteWhenUnused(engine, err());
            }
            return engine.connect(err(), "default");
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Create the project's tables and views in a database; a second apply "
            + "changes nothing. Never drops or alters a table that holds data.")
    static final class ApplyCommand extends Base implements Runnable {
        @Mixin
        DatabaseOption database;
        @Mixin
        FormatOption format;
        @Option(names = "--dry-run", description = "Print the statements in apply order; connect to nothing.")
        boolean dryRun;
        @Option(names = "--recreate", description = "Change objects defined differently when that loses no data: "
                + "a view's query in place, else drop and create views, materialized views, empty tables.")
        boolean recreate;
        @Option(names = "--backfill", description = "Create each new materialized view whose source holds rows with "
                + "a cut-off and backfill it (as 'mvlab backfill'), also while events flow.")
        boolean backfill;
        @Mixin
        BackfillCommand.Tuning tuning;
        @Mixin
        CompatibilityOption compatibility;

        @Override
        public void run() {
            ProjectGraph graph = compatibility.check(graph());
            ApplyOptions options = new ApplyOptions(dryRun, recreate);
            if (dryRun) {
                report(new Apply(null, renderer()).run(graph, database.name(), options));
                return;
            }
            ClusterTarget clusterTarget = cluster.target(engine.project(), graph);
            if (clusterTarget != null && clusterTarget.kind().onCluster()) {
                try (Database server = server()) {
                    ClusterReport.steps(out(), "created", clusterTarget.name(), database.name(),
                            new ClusterApply(server, renderer(), clusterTarget).run(graph, database.name()));
                }
                return;
            }
            if (clusterTarget != null && clusterTarget.kind() == ClusterKind.LOCAL && !backfill) {
                new LocalClusterDeploy(engine, out()).apply(graph, renderer(), database.name(), options,
                        this::report);
                return;
            }
            refuseLocalCluster(clusterTarget, "apply --backfill", "on the local cluster apply the views before "
                    + "the events flow: mvlab apply --cluster local, then mvlab generate --cluster local");
            try (Database server = server()) {
                if (!backfill) {
                    report(new Apply(server, renderer()).run(graph, database.name(), options));
                    return;
                }
                server.createDatabase(database.name());
                try (Database target = server.use(database.name())) {
                    BackfillCommand.Runner backfills = new BackfillCommand.Runner(target, renderer(), graph,
                            tuning, out(), err());
                    options = new ApplyOptions(false, recreate, java.util.Set.copyOf(backfills.candidates()));
                    ApplyResult result = new Apply(server, renderer()).run(graph, database.name(), options);
                    report(result);
                    result.steps().stream().filter(s -> s.action() == AppliedStatement.Action.DEFERRED)
                            .forEach(s -> backfills.run(s.statement().object()));
                }
            }
        }

        private void report(ApplyResult result) {
            if (format.json()) {
                JsonReport.print(out(), JsonReport.apply(result));
            } else {
                DeployReport.apply(out(), result);
            }
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true,
            description = {"Drop the project's views and tables from a database (their data too); other objects "
                    + "in the database are left alone.", "Asks before dropping tables that hold rows; without a "
                    + "terminal it refuses (exit 2) unless --yes is given.", "With --cluster local every node drops "
                    + "them (every node must run)."})
    static final class DropCommand extends Base implements Runnable {
        @Mixin
        DatabaseOption database;
        @Option(names = {"-y", "--yes"}, description = "Drop tables that hold rows without asking.")
        boolean yes;

        @Override
        public void run() {
            ProjectGraph graph = graph();
            ClusterTarget target = cluster.target(engine.project(), graph);
            if (target != null && target.kind().onCluster()) {
                if (!yes) {
                    throw new MvlabException(ExitCode.USAGE, "drop --cluster " + target.name() + " drops the "
                            + "project's tables and their data on every node; nothing was dropped",
                            "rerun with --yes to drop them");
                }
                try (Database server = server()) {
                    ClusterReport.steps(out(), "dropped", target.name(), database.name(),
                            new ClusterApply(server, renderer(), target).drop(graph, database.name()));
                }
                return;
            }
            if (target != null && target.kind() == ClusterKind.LOCAL) {
                LocalClusterDeploy nodes = new LocalClusterDeploy(engine, out());
                Map<String, Long> holding = nodes.tablesHoldingRows(graph, renderer(), database.name());
                if (!holding.isEmpty() && !yes) {
                    confirm(holding);
                }
                nodes.drop(graph, renderer(), database.name());
                return;
            }
            try (Database server = server()) {
                Drop drop = new Drop(server, renderer());
                Map<String, Long> holding = drop.tablesHoldingRows(graph, database.name());
                if (!holding.isEmpty() && !yes) {
                    confirm(holding);
                }
                DeployReport.drop(out(), drop.run(graph, database.name()));
            }
        }

        private void confirm(Map<String, Long> holding) {
            String tables = holding.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s (%,d rows)",
                    e.getKey(), e.getValue()).replace(" (1 rows)", " (1 row)")).collect(Collectors.joining(", "));
            String question = "drop would delete the data of " + holding.size()
                    + (holding.size() == 1 ? " table" : " tables") + " in database " + database.name() + ": " + tables;
            if (!Terminal.interactive()) {
                throw new MvlabException(ExitCode.USAGE, question + "; nothing was dropped",
                        "rerun with --yes to drop them (mvlab drop --yes" + (cluster.given() ? " --cluster "
                                + cluster.name : "") + (database.database == null ? "" : " -d " + database.name())
                                + ")");
            }
            if (!Terminal.confirm(out(), Main.stdin(spec), question + ". Drop them? [y/N] ")) {
                throw new MvlabException(ExitCode.USAGE, "nothing was dropped");
            }
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Compare a database with the datafiles: the objects they define that are missing or "
                    + "defined differently (exit code 1), and the other objects of the database, which belong to "
                    + "something else and are only listed (with --strict they count as differences).",
                    "With --cluster NAME every node is compared and what differs is named by node (--cluster local: "
                            + "s1r1, s1r2, ...)."})
    static final class DiffCommand extends Base implements Callable<Integer> {
        @Mixin
        DatabaseOption database;
        @Mixin
        FormatOption format;
        @Option(names = "--strict", description = "Count objects the files do not define as differences too.")
        boolean strict;

        @Override
        public Integer call() {
            ProjectGraph graph = graph();
            ClusterTarget target = cluster.target(engine.project(), graph);
            if (target != null && target.kind() == ClusterKind.LOCAL) {
                ClusterDiffResult result = new LocalClusterDeploy(engine, out()).diff(graph, target, database.name());
                ClusterReport.diff(out(), result, strict);
                return result.clean(strict) ? ExitCode.OK.code() : ExitCode.VERDICT.code();
            }
            if (target != null && target.kind().splitsTables()) {
                try (Database server = server()) {
                    ClusterDiffResult result = new ClusterNodeDiff(server, target).run(graph, database.name());
                    ClusterReport.diff(out(), result, strict);
                    return result.clean(strict) ? ExitCode.OK.code() : ExitCode.VERDICT.code();
                }
            }
            try (Database server = server()) {
                DiffResult result = new Diff(server, renderer()).run(graph, database.name());
                if (format.json()) {
                    JsonReport.print(out(), JsonReport.diff(result, strict));
                } else {
                    DeployReport.diff(out(), result, strict);
                }
                return DeployReport.clean(result, strict) ? ExitCode.OK.code() : ExitCode.VERDICT.code();
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate the datafiles; when the engine runs, ClickHouse validates every "
            + "statement in a throwaway database. Exit code 3 on any error.")
    static final class CheckCommand extends Base implements Callable<Integer> {
        @Mixin
        FormatOption format;
        @Mixin
        CompatibilityOption compatibility;

        @Override
        public Integer call() {
            ProjectGraph graph = compatibility.check(graph());
            if (cluster.given()) {
                throw new MvlabException(ExitCode.USAGE, "check validates the statements on one server; it takes "
                        + "no --cluster", "`mvlab check` validates the datafiles; `mvlab render --cluster "
                        + cluster.name + "` shows the cluster's statements, `mvlab diff --cluster " + cluster.name
                        + "` compares the nodes");
            }
            EngineRuntime runtime = engine.runtime();
            ProjectCheckResult result;
            if (runtime.status().running() && runtime.endpoint().isPresent()) {
                try (Database server = Database.connect(runtime.endpoint().get(), "default")) {
                    result = new ProjectCheck(server, renderer()).run(graph);
                }
            } else {
                result = new ProjectCheck(null, renderer()).run(graph);
            }
            if (format.json()) {
                JsonReport.print(out(), JsonReport.check(result));
            } else {
                DeployReport.check(out(), err(), result);
            }
            return result.ok() ? ExitCode.OK.code() : ExitCode.DATAFILE.code();
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Run a copy pipe once (TRUNCATE first in COPY_MODE replace).",
                    "The secrets its SQL uses (tb_secret/tb_var) go with the INSERT as query parameters; one that is not "
                            + "set (TB_SECRET_NAME or .mvlab/secrets.properties) stops the copy before it starts: "
                            + "exit code 3."})
    static final class CopyCommand extends Base implements Runnable {
        @Mixin
        DatabaseOption database;
        @Parameters(paramLabel = "PIPE", description = "The copy pipe.")
        String pipe;

        @Override
        public void run() {
            ProjectGraph graph = graph();
            refuseLocalCluster(cluster.target(engine.project(), graph), "copy", "a copy's INSERT ... SELECT can run "
                    + "through the Distributed tables of one node: mvlab sql --cluster local \"INSERT INTO target "
                    + "SELECT ...\" (see docs/clusters.md)");
            try (Database server = server()) {
                DeployReport.copy(out(), new Copy(server, renderer()).run(graph, pipe, database.name()));
            }
        }
    }
}
