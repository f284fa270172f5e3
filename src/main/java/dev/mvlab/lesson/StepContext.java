package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.verify.CheckResult;
import dev.mvlab.verify.Verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a running step may use: the lesson's database, the services, and the channel for what it shows. */
public final class StepContext {
    private final Lesson lesson;
    private final Database db;
    private final Deployer deployer;
    private final EventSource events;
    private final Verifier verifier;
    private final RunOptions options;
    private final LessonListener listener;
    private final List<LessonVerdict> verdicts = new ArrayList<>();
    private List<StepOutput> outputs = new ArrayList<>();
    private int stepNumber;
    private int unseededGenerations;
    private SourceLocation at;
    private ClusterSession cluster;

    StepContext(Lesson lesson, Database db, Deployer deployer, EventSource events, Verifier verifier,
                RunOptions options, LessonListener listener) {
        this.lesson = lesson;
        this.db = db;
        this.deployer = deployer;
        this.events = events;
        this.verifier = verifier;
        this.options = options;
        this.listener = listener;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The lesson's own database (reset when the run began). */
    public Database db() {
        return db;
    }

    /** A cluster lesson's run on the local cluster; null for a lesson on one server. */
    ClusterSession cluster() {
        return cluster;
    }

    void cluster(ClusterSession session) {
        this.cluster = session;
    }

    /** The lesson's database on a node of its cluster. */
    Database db(String node) {
        return cluster.db(node);
    }

    /**
     * The lesson's database on every node of {@code on}, by node name, in order; a lesson on one server ({@code on}
     * null) has one, named "".
     */
    Map<String, Database> databases(NodeSelection on) {
        Map<String, Database> databases = new LinkedHashMap<>();
        if (on == null || cluster == null) {
            databases.put("", db);
            return databases;
        }
        on.nodes().forEach(node -> databases.put(node, cluster.db(node)));
        return databases;
    }

    /** In a cluster lesson, says on which nodes the step runs. */
    void where(NodeSelection on) {
        if (on != null && cluster != null) {
            emit(new StepOutput.Info(on.describe()));
        }
    }

    public Deployer deployer() {
        return deployer;
    }

    public EventSource events() {
        return events;
    }

    public Verifier verifier() {
        return verifier;
    }

    /** Shows something now, and keeps it in the step's outcome. */
    public void emit(StepOutput output) {
        outputs.add(output);
        listener.output(output);
    }

    /** Records a verdict for the lesson's summary and shows it. */
    public void verdict(CheckResult result) {
        verdicts.add(new LessonVerdict(stepNumber, result));
        emit(new StepOutput.Verified(result));
    }

    /** Waits for the learner (when the listener is interactive). */
    public void awaitContinue(String prompt) {
        listener.awaitContinue(prompt);
    }

    /** Says which part of the manifest is running, so a failure names its line; defaults to the step's. */
    public void at(SourceLocation location) {
        this.at = location;
    }

    /** Events for a {@code generate} step that gives no count: {@code --events}, else the lesson's default. */
    public long defaultEvents() {
        return options.events() != null ? options.events() : lesson.generate().events();
    }

    public long defaultProducts() {
        return lesson.generate().products();
    }

    /**
     * The seed for a generating step that gives none: the lesson's seed ({@code --seed}, else its default) plus the
     * number of such steps before it, so that two steps make different data and every run makes the same.
     */
    public long nextSeed() {
        long base = options.seed() != null ? options.seed() : lesson.generate().seed();
        return base + unseededGenerations++;
    }

    void begin(int number, SourceLocation location) {
        stepNumber = number;
        at = location;
        outputs = new ArrayList<>();
    }

    SourceLocation location() {
        return at;
    }

    List<StepOutput> outputs() {
        return outputs;
    }

    List<LessonVerdict> verdicts() {
        return verdicts;
    }
}
