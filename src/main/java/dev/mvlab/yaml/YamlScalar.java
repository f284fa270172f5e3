package dev.mvlab.yaml;

import dev.mvlab.model.SourceLocation;

/**
 * A scalar value as written. {@code block} is true for {@code |} and {@code >} scalars, whose text starts on the
 * line after {@link #location()}.
 */
public record YamlScalar(String text, Kind kind, boolean block, SourceLocation location) implements YamlNode {

    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.FLOAT;
    }

    /** The line the text's first line is on. */
    public int firstTextLine() {
        return location.line() + (block ? 1 : 0);
    }

    @Override
    public String describe() {
        return switch (kind) {
            case STRING -> "a text";
            case INTEGER, FLOAT -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "nothing";
        };
    }
}
