package dev.mvlab.lesson;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The step kinds a manifest may use, by keyword, each with the parser of its class and what it needs to run. */
public enum StepKind {
    APPLY("apply", ApplyStep::parse, Needs.DEPLOYS),
    DROP("drop", DropStep::parse, Needs.DEPLOYS),
    COPY("copy", CopyStep::parse, Needs.DEPLOYS),
    GENERATE("generate", GenerateStep::parse, Needs.GENERATES),
    STREAM("stream", StreamStep::parse, Needs.GENERATES),
    GENERATE_PRODUCTS("generate_products", GenerateProductsStep::parse, Needs.GENERATES),
    UPDATE_PRICES("update_prices", UpdatePricesStep::parse, Needs.GENERATES),
    SQL("sql", SqlStep::parse, Needs.NEITHER),
    QUERY("query", QueryStep::parse, Needs.NEITHER),
    INSERT("insert", InsertStep::parse, Needs.NEITHER),
    OPTIMIZE("optimize", OptimizeStep::parse, Needs.NEITHER),
    VERIFY("verify", VerifyStep::parse, Needs.NEITHER),
    COMPARE_SPEED("compare_speed", CompareSpeedStep::parse, Needs.NEITHER),
    NOTE("note", NoteStep::parse, Needs.NEITHER),
    PAUSE("pause", PauseStep::parse, Needs.NEITHER),
    CLUSTER("cluster", ClusterStep::parse, Needs.CLUSTER),
    FLUSH("flush", FlushStep::parse, Needs.CLUSTER),
    STOP_SENDS("stop_sends", DistributedSendsStep::parseStop, Needs.CLUSTER),
    START_SENDS("start_sends", DistributedSendsStep::parseStart, Needs.CLUSTER);

    /** What a kind needs besides the database: the deployer, the event source, the lesson's cluster, or none. */
    enum Needs { DEPLOYS, GENERATES, CLUSTER, NEITHER }

    private final String keyword;
    private final Function<StepSpec, Step> parser;
    private final Needs needs;

    StepKind(String keyword, Function<StepSpec, Step> parser, Needs needs) {
        this.keyword = keyword;
        this.parser = parser;
        this.needs = needs;
    }

    /** The manifest keyword, e.g. {@code compare_speed}. */
    public String keyword() {
        return keyword;
    }

    Step parse(StepSpec spec) {
        return parser.apply(spec);
    }

    /** True for kinds that apply, drop or copy through the {@link Deployer}. */
    boolean deploys() {
        return needs == Needs.DEPLOYS;
    }

    /** True for kinds that write events or products through the {@link EventSource}. */
    boolean generates() {
        return needs == Needs.GENERATES;
    }

    /** True for kinds that only a lesson with {@code cluster:} may use (its nodes, their Distributed queues). */
    boolean needsCluster() {
        return needs == Needs.CLUSTER;
    }

    static Optional<StepKind> byKeyword(String keyword) {
        return Arrays.stream(values()).filter(k -> k.keyword.equals(keyword)).findFirst();
    }

    static List<String> keywords() {
        return Arrays.stream(values()).map(StepKind::keyword).toList();
    }

    @Override
    public String toString() {
        return keyword;
    }
}
