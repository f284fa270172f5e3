package dev.mvlab.errors;

/** ClickHouse refused a statement: one readable line from the server, plus the SQL that failed. */
public class DatabaseException extends MvlabException {
    private final String sql;

    public DatabaseException(String message, String sql, Throwable cause) {
        super(ExitCode.DATABASE, message, null, cause);
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
