package dev.mvlab.render;

import java.util.List;
import java.util.stream.Collectors;

/** Statements in the order they run. */
public record Plan(List<Statement> statements) {

    public Plan {
        statements = List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The statements as one SQL script: each ends with a semicolon, a blank line between them. */
    public String script() {
        return statements.stream().map(s -> s.terminated() + "\n").collect(Collectors.joining("\n"));
    }
}
