package dev.mvlab.lesson;

import java.util.List;

import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.verify.CheckResult;

/** One thing a step shows, in the order it happens: narrative, SQL, rows, a verdict, a remark. */
public sealed interface StepOutput {

    /** Narrative for the learner (the step's {@code say:}, a note, a pause). */
    record Narrative(String text) implements StepOutput {
    }

    /** A statement, shown before it runs. */
    record Sql(String sql) implements StepOutput {
    }

    /** The rows a statement returned; a lesson shows at most {@code maxRows} of them. */
    record Rows(QueryResult result, int maxRows) implements StepOutput {
    }

    /** A check's verdict, against the step's expectation. */
    record Verified(CheckResult result) implements StepOutput {
    }

    /** ClickHouse refused a statement, as the step expected. */
    record Refused(String message) implements StepOutput {
    }

    /** What an apply created; a printer lists them and shows the SQL of the named ones (or of all, verbosely). */
    record Created(List<ApplyOutcome.Created> objects) implements StepOutput {
    }

    /** A one-line remark: what an apply created, how many events a generator wrote. */
    record Info(String text) implements StepOutput {
    }
}
