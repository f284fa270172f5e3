package dev.mvlab.cli;

import dev.mvlab.clickhouse.ClusterCatalog.DdlNodeAnswer;
import dev.mvlab.deploy.ClusterApply;
import dev.mvlab.deploy.ClusterDiffResult;

import java.io.PrintWriter;
import java.util.List;

/** Prints what {@code --cluster} apply, drop and diff did, node by node. */
final class ClusterReport {
    private ClusterReport() {
    }

    static void steps(PrintWriter out, String verb, String cluster, String database, List<ClusterApply.Step> steps) {
        long ran = steps.stream().filter(ClusterApply.Step::ran).count();
        for (ClusterApply.Step step : steps) {
            if (!step.ran()) {
                out.println("  exists   " + step.statement().what() + " (on every node)");
                continue;
            }
            long done = step.answers().stream().filter(DdlNodeAnswer::answered).count();
            out.println("  " + verb + "  " + step.statement().what() + " (" + done + " of " + step.answers().size()
                    + " nodes answered)");
        }
        out.println(ran + " statements ON CLUSTER " + cluster + " in database " + database + ", "
                + (steps.size() - ran) + " objects already on every node");
        out.flush();
    }

    static void diff(PrintWriter out, ClusterDiffResult result, boolean strict) {
        out.println("cluster " + result.cluster() + ", database " + result.database() + ": "
                + result.nodes().size() + " nodes answered (" + String.join(", ", result.nodes()) + ")");
        for (String node : result.silentNodes()) {
            out.println("  no answer  " + node + " (listed in remote_servers)");
        }
        for (ClusterDiffResult.Issue issue : result.issues()) {
            String status = switch (issue.status()) {
                case MISSING -> "missing  ";
                case DIFFERENT -> "different";
                case EXTRA -> strict ? "extra    " : "other    ";
            };
            out.println("  " + status + "  " + issue.object() + " on " + issue.node()
                    + (issue.status() == ClusterDiffResult.Status.DIFFERENT ? ": " + issue.detail() : ""));
        }
        out.println(result.clean(strict) ? "every node has every object, defined alike"
                : "nodes differ (exit code 1)");
        out.flush();
    }
}
