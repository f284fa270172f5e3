package dev.mvlab.datafile;

import dev.mvlab.testing.Datafiles;

import dev.mvlab.model.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes datafiles into a folder (paths relative to it) and loads the folder as a project. */
final class TestProject {
    private final Path root;

    TestProject(Path root) {
        this.root = root;
    }

    TestProject file(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Project load() {
        return ProjectLoader.load(root);
    }

    static final String EVENTS = Datafiles.LANDING;
}
