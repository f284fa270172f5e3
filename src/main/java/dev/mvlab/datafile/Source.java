package dev.mvlab.datafile;

import dev.mvlab.model.SourceLocation;

import java.nio.file.Path;
import java.util.List;

/** One datafile's text as read: the path shown to users (relative to the project) and its lines. */
record Source(Path path, List<String> lines) {

    static Source of(Path path, String text) {
        String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = normalized.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        return new Source(path, lines);
    }

    SourceLocation location(int line, int column) {
        return new SourceLocation(path, line, column);
    }

    DatafileException error(int line, int column, String reason, String hint) {
        return new DatafileException(location(line, column), reason, hint, lines);
    }

    boolean isBlank() {
        return lines.stream().allMatch(l -> l.isBlank() || l.strip().startsWith("#"));
    }
}
