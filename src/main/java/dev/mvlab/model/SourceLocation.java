package dev.mvlab.model;

import java.nio.file.Path;

/** Where a parsed element was written: file, 1-based line and 1-based column. */
public record SourceLocation(Path file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
