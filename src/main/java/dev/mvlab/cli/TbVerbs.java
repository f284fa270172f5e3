package dev.mvlab.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The verbs a Tinybird {@code tb} user types, each with the mvlab command that does the same job. mvlab does not
 * alias them (the semantics differ in detail), it answers an unknown top-level command that is a tb verb with
 * "in mvlab this is {@code mvlab X}" and exits with the usage code (2).
 */
final class TbVerbs {
    private static final Map<String, String> EQUIVALENTS = Map.of(
            "push", "mvlab apply",
            "deploy", "mvlab apply",
            "deployment", "mvlab apply",
            "dependencies", "mvlab plan",
            "datasource", "mvlab append (tb datasource append)",
            "build", "mvlab check",
            "dev", "mvlab serve");
    /** tb test's subcommands: mvlab test runs the tests itself, --update rewrites them. */
    private static final Map<String, String> TEST_SUBCOMMANDS = Map.of(
            "run", "mvlab test [FILES]",
            "update", "mvlab test --update [FILES]",
            "create", "write tests/<endpoint>.yaml by hand, then mvlab test --update fills in the results");

    private TbVerbs() {
    }

    /** tb fmt's options and what mvlab fmt does instead. */
    private static final Map<String, String> FMT_OPTIONS = Map.of(
            "--dry-run", "`mvlab fmt --check` (or --diff) writes nothing",
            "--yes", "`mvlab fmt` writes without asking",
            "--line-length", "`mvlab fmt` keeps the SQL's lines as written (no line length)");

    /** For an unknown option of {@code mvlab fmt} that is one of tb fmt's: what mvlab does instead. */
    static Optional<String> fmtOption(String option) {
        return Optional.ofNullable(FMT_OPTIONS.get(option.split("=", 2)[0]))
                .map(m -> "'" + option + "' is a tb fmt option: in mvlab, " + m);
    }

    /**
     * For {@code mvlab test run|update|create ...} (tb test's subcommands, when no such test file exists): what to
     * type in mvlab.
     */
    static Optional<String> testSubcommand(java.util.List<String> arguments) {
        if (arguments.isEmpty() || java.nio.file.Files.exists(java.nio.file.Path.of(arguments.get(0)))) {
            return Optional.empty();
        }
        return Optional.ofNullable(TEST_SUBCOMMANDS.get(arguments.get(0)))
                .map(m -> "'tb test " + arguments.get(0) + "' is a tb verb: in mvlab this is `" + m + "`");
    }

    /** The mvlab command matching a tb verb, e.g. {@code dependencies}: {@code mvlab plan}. */
    static Optional<String> equivalent(String verb) {
        return Optional.ofNullable(EQUIVALENTS.get(verb));
    }
}
