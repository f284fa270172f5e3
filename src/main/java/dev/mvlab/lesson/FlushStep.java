package dev.mvlab.lesson;

import dev.mvlab.clickhouse.ClusterCatalog;
import dev.mvlab.clickhouse.ClusterCatalog.QueuedBlocks;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.yaml.YamlScalar;

import java.time.Duration;
import java.util.List;

/**
 * {@code flush: orders}: {@code SYSTEM FLUSH DISTRIBUTED} on the Distributed tables named, on the step's nodes: every
 * block their queue holds is sent to its shard (also when sends are stopped), so what follows sees every row. With a
 * node of the cluster down, ClickHouse's flush fails on that node's blocks; the step then waits until every running
 * replica has received its blocks and says how many wait for the node that is down (they go out when it is back).
 */
record FlushStep(StepInfo info, List<String> tables, NodeSelection on) implements Step {
    static final Duration DEADLINE = Duration.ofSeconds(120);

    static Step parse(StepSpec spec) {
        spec.allow(NodeSelection.FIELD);
        return new FlushStep(spec.info(), spec.names().stream().map(YamlScalar::text).map(String::strip).toList(),
                NodeSelection.of(spec));
    }

    @Override
    public StepKind kind() {
        return StepKind.FLUSH;
    }

    private static String statement(String table) {
        return "SYSTEM FLUSH DISTRIBUTED " + Identifiers.quote(table);
    }

    @Override
    public List<StepOutput> preview() {
        return NodeSelection.preview(on, tables.stream().<StepOutput>map(t -> new StepOutput.Sql(statement(t))).toList());
    }

    @Override
    public void run(StepContext context) {
        context.where(on);
        for (String table : tables) {
            context.emit(new StepOutput.Sql(statement(table)));
            for (String node : on.nodes()) {
                Database db = context.db(node);
                try {
                    db.execute(statement(table));
                } catch (DatabaseException e) {
                    if (!context.cluster().settle().isEmpty() && flushed(db, table)) {
                        continue; // a receiving node had died on its own and answers again
                    }
                    List<String> down = context.cluster().down();
                    if (down.isEmpty()) {
                        throw e;
                    }
                    long waiting = awaitRunningReplicas(db, table, down, node);
                    context.emit(new StepOutput.Info(String.join(", ", down) + " is down: the flush sent every "
                            + "other replica its blocks; " + waiting + " block(s) of " + table + " wait for it in "
                            + node + "'s queue and go out when it is back"));
                }
            }
        }
    }

    private static boolean flushed(Database db, String table) {
        try {
            db.execute(statement(table));
            return true;
        } catch (DatabaseException e) {
            return false;
        }
    }

    /** Polls the queue until only the nodes that are down have blocks in it; returns how many wait for them. */
    private static long awaitRunningReplicas(Database db, String table, List<String> down, String node) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            List<QueuedBlocks> queue = ClusterCatalog.distributionQueue(db, table);
            List<QueuedBlocks> late = queue.stream().filter(q -> q.files() > 0 && !down.contains(name(q))).toList();
            if (late.isEmpty()) {
                return queue.stream().filter(q -> down.contains(name(q))).mapToLong(QueuedBlocks::files).sum();
            }
            if (System.nanoTime() > deadline) {
                QueuedBlocks first = late.get(0);
                throw new MvlabException(ExitCode.DATABASE, "the Distributed table " + table + " on " + node
                        + " still holds " + first.files() + " block(s) for " + name(first) + " after "
                        + DEADLINE.toSeconds() + " s" + (first.lastError() == null ? "" : ": " + first.lastError()),
                        "see `mvlab cluster status`; a node that is down keeps its blocks waiting");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MvlabException(ExitCode.DATABASE, "interrupted while waiting for the Distributed queue");
            }
            try {
                db.execute(statement(table));
            } catch (DatabaseException ignored) {
                // the node that is down still fails the flush; the others' blocks went out
            }
        }
    }

    /** The node a queue folder sends to, as the local cluster names it. */
    private static String name(QueuedBlocks queue) {
        return "s" + queue.shard() + "r" + queue.replica();
    }
}
