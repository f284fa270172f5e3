package dev.mvlab.deploy;

/** A copy pipe's run: the rows its target held before and after. */
public record CopyResult(String pipe, String target, boolean replaced, long rowsBefore, long rowsAfter) {
    /** Rows the copy wrote. */
    public long rowsWritten() {
        return replaced ? rowsAfter : rowsAfter - rowsBefore;
    }
}
