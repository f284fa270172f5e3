package dev.mvlab.lesson;

import dev.mvlab.yaml.YamlScalar;

import java.util.List;

/**
 * {@code cluster: kill s2r2} kills a node of the lesson's cluster (its ClickHouse, as a crash would; it stays down),
 * {@code cluster: start s2r2} starts it again on its data and waits until it answers. A node the lesson killed and did
 * not start again is started when the lesson ends.
 */
record ClusterStep(StepInfo info, Action action, String node) implements Step {

    /** What a {@code cluster:} step does to its node. */
    enum Action { KILL, START }

    static Step parse(StepSpec spec) {
        spec.allow();
        YamlScalar text = spec.text();
        String[] words = text.text().strip().split("\\s+");
        String hint = "write `cluster: kill NODE` or `cluster: start NODE`"
                + (spec.cluster() == null ? "" : ", NODE one of " + String.join(", ", spec.cluster().nodes()));
        if (words.length != 2 || !words[0].equals("kill") && !words[0].equals("start")) {
            throw spec.error(text, "'cluster' takes `kill NODE` or `start NODE`, not '" + text.text().strip() + "'",
                    hint);
        }
        if (spec.cluster() != null && !spec.cluster().nodes().contains(words[1])) {
            throw spec.error(text, "the lesson's cluster has no node '" + words[1] + "'", hint);
        }
        return new ClusterStep(spec.info(), words[0].equals("kill") ? Action.KILL : Action.START, words[1]);
    }

    @Override
    public StepKind kind() {
        return StepKind.CLUSTER;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Info(describe()));
    }

    private String describe() {
        return action == Action.KILL ? "mvlab cluster kill " + node + "   (its ClickHouse killed, as a crash would)"
                : "mvlab cluster start " + node + "   (started again on its data)";
    }

    @Override
    public void run(StepContext context) {
        context.emit(new StepOutput.Info(describe()));
        if (action == Action.KILL) {
            context.cluster().kill(node);
            context.emit(new StepOutput.Info(node + " is down"));
        } else {
            context.cluster().start(node);
            context.emit(new StepOutput.Info(node + " answers again"));
        }
    }
}
