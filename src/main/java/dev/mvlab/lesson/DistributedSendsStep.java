package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Identifiers;
import dev.mvlab.yaml.YamlScalar;

import java.util.List;

/**
 * {@code stop_sends: orders} and {@code start_sends: orders}: {@code SYSTEM STOP|START DISTRIBUTED SENDS} on the
 * Distributed tables named, on the step's nodes. Stopped, a Distributed table keeps the blocks of an asynchronous
 * insert in its queue until a flush or a start, so a lesson shows "before the queue went out" without relying on
 * timing.
 */
record DistributedSendsStep(StepInfo info, boolean stop, List<String> tables, NodeSelection on) implements Step {

    static Step parseStop(StepSpec spec) {
        return parse(spec, true);
    }

    static Step parseStart(StepSpec spec) {
        return parse(spec, false);
    }

    private static Step parse(StepSpec spec, boolean stop) {
        spec.allow(NodeSelection.FIELD);
        return new DistributedSendsStep(spec.info(), stop, spec.names().stream().map(YamlScalar::text)
                .map(String::strip).toList(), NodeSelection.of(spec));
    }

    @Override
    public StepKind kind() {
        return stop ? StepKind.STOP_SENDS : StepKind.START_SENDS;
    }

    private List<String> statements() {
        return tables.stream().map(t -> "SYSTEM " + (stop ? "STOP" : "START") + " DISTRIBUTED SENDS "
                + Identifiers.quote(t)).toList();
    }

    @Override
    public List<StepOutput> preview() {
        return NodeSelection.preview(on, statements().stream().<StepOutput>map(StepOutput.Sql::new).toList());
    }

    @Override
    public void run(StepContext context) {
        context.where(on);
        for (String sql : statements()) {
            context.emit(new StepOutput.Sql(sql));
            for (String node : on.nodes()) {
                context.db(node).execute(sql);
            }
        }
    }
}
