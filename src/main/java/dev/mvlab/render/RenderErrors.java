package dev.mvlab.render;

import dev.mvlab.datafile.DatafileException;
import dev.mvlab.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Datafile content that cannot become SQL, reported at file:line:col. */
final class RenderErrors {
    private RenderErrors() {
    }

    static DatafileException at(Path root, SourceLocation location, String reason, String hint) {
        return new DatafileException(location, reason, hint, lines(root, location));
    }

    /** The lines of the datafile, for the excerpt under the message; null when it cannot be read. */
    private static List<String> lines(Path root, SourceLocation location) {
        if (root == null || location == null || location.file() == null) {
            return null;
        }
        try {
            return Files.readAllLines(root.resolve(location.file()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
