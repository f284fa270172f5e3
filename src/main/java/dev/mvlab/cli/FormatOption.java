package dev.mvlab.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} for commands whose report has a machine-readable form ({@link JsonReport}). */
public final class FormatOption {
    enum Kind { TEXT, JSON }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: one JSON document on stdout.")
    Kind kind;

    boolean json() {
        return kind == Kind.JSON;
    }
}
