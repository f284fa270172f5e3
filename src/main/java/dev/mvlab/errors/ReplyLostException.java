package dev.mvlab.errors;

/**
 * A statement went to ClickHouse and no reply came back: it may or may not have run. mvlab never resends such a
 * statement blindly; a caller that can tell whether it ran (and only such a caller) may run it again.
 */
public class ReplyLostException extends DatabaseException {
    public ReplyLostException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
