package dev.mvlab.deploy;

import dev.mvlab.model.SourceLocation;

/** A statement ClickHouse refused during a check, at the datafile position it was rendered from. */
public record CheckIssue(SourceLocation origin, String object, String message, String sql) {
    @Override
    public String toString() {
        return (origin == null ? "" : origin.file() + ":" + origin.line() + ": ") + object + ": " + message;
    }
}
