package dev.mvlab.model;

/** Something odd but usable in a datafile, reported as file:line: message. */
public record Warning(SourceLocation location, String message) {
    @Override
    public String toString() {
        return location.file() + ":" + location.line() + ": warning: " + message;
    }
}
