package dev.mvlab.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --project}: the one project-folder option; {@link EngineOptions} includes it. */
public final class ProjectOption {
    @Option(names = "--project", paramLabel = "DIR", description = "The project folder (default: the current folder).",
            defaultValue = ".")
    Path project;

    public Path dir() {
        return project;
    }
}
