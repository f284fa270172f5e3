package dev.mvlab.sql;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

/**
 * SQL over the tokenizer's limits ({@link SqlTokenizer#MAX_LENGTH} characters, {@link SqlTokenizer#MAX_DEPTH} nested
 * parentheses): refused before anything walks it, so no caller can overflow its stack or heap on it.
 */
public final class SqlTooComplexException extends MvlabException {
    private final int offset;

    public SqlTooComplexException(String message, int offset) {
        super(ExitCode.DATAFILE, message, "split the query or nest it less deeply");
        this.offset = offset;
    }

    /** The 0-based offset in the SQL of the first bracket too deep, or of the first character over the length. */
    public int offset() {
        return offset;
    }
}
