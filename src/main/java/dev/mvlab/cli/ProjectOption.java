package dev.mvlab.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --project} for commands that read datafiles but need no engine. */
public final class ProjectOption {
    @Option(names = "--project", description = "The project folder (default: the current folder).", defaultValue = ".")
    Path project;
}
