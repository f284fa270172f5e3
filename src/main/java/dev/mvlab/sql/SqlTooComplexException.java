package dev.mvlab.sql;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

/**
 * SQL over the tokenizer's limits ({@link SqlTokenizer#MAX_LENGTH} characters, {@link SqlTokenizer#MAX_DEPTH} nested
 * parentheses): refused before anything walks it, so no caller can overflow its stack or heap on it.
 */
public final class SqlTooComplexException extends MvlabException {
    public SqlTooComplexException(String message) {
        super(ExitCode.DATAFILE, message, "split the query or nest it less deeply");
    }
}
