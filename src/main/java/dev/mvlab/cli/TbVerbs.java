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

    private TbVerbs() {
    }

    /** The mvlab command matching a tb verb, e.g. {@code dependencies}: {@code mvlab plan}. */
    static Optional<String> equivalent(String verb) {
        return Optional.ofNullable(EQUIVALENTS.get(verb));
    }
}
