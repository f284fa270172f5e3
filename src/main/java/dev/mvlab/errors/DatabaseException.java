package dev.mvlab.errors;

/** ClickHouse refused a statement: one readable line from the server, plus the SQL that failed. */
public class DatabaseException extends MvlabException {
    private final String sql;

    public DatabaseException(String message, String sql, Throwable cause) {
        this(message, sql, null, cause);
    }

    public DatabaseException(String message, String sql, String hint, Throwable cause) {
        super(ExitCode.DATABASE, message, hint, cause);
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
