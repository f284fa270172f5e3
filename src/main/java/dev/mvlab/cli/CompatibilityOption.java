package dev.mvlab.cli;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.Warning;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --strict}: refuse what runs on ClickHouse 26.7 only under the Tinybird compatibility settings (the lint kinds
 * whose {@link dev.mvlab.model.WarningKind#compatibility()} is true) instead of applying it with them.
 */
public final class CompatibilityOption {
    @Option(names = "--strict", description = "Refuse (exit 3) what Tinybird's ClickHouse ran but ClickHouse 26.7 "
            + "runs only with a compatibility setting (lint kinds aggregating-column-outside-key, "
            + "low-cardinality-number, group-by-dynamic, join-without-alias), instead of adding the setting to the "
            + "statement that needs it.")
    boolean strict;

    /** The graph itself; with {@code --strict}, an error listing every construct that needs a setting. */
    ProjectGraph check(ProjectGraph graph) {
        if (!strict) {
            return graph;
        }
        List<Warning> needing = graph.lint().stream().filter(w -> w.kind().compatibility()).toList();
        if (needing.isEmpty()) {
            return graph;
        }
        throw new MvlabException(ExitCode.DATAFILE, "--strict: " + needing.size() + " construct(s) run on ClickHouse "
                + "26.7 only with a Tinybird compatibility setting:\n" + needing.stream().map(Warning::toString)
                .collect(Collectors.joining("\n")), "fix them as each line says, or leave out --strict to apply "
                + "the project with the setting each statement needs");
    }
}
