package dev.mvlab.model;

/** Something odd but usable in a datafile, reported as file:line: message. */
public record Warning(SourceLocation location, String message, WarningKind kind) {

    /** A warning of the {@link WarningKind#DATAFILE} kind. */
    public Warning(SourceLocation location, String message) {
        this(location, message, WarningKind.DATAFILE);
    }

    @Override
    public String toString() {
        return location.file() + ":" + location.line() + ": warning" + (kind.lint() ? "[" + kind.code() + "]" : "")
                + ": " + message;
    }
}
