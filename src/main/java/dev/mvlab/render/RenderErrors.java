package dev.mvlab.render;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;

import java.nio.file.Path;

/** Datafile content that cannot become SQL, reported at file:line:col. */
final class RenderErrors {
    private RenderErrors() {
    }

    static MvlabException at(Path root, SourceLocation location, String reason, String hint) {
        return new MvlabException(ExitCode.DATAFILE, location + ": " + reason, hint);
    }
}
