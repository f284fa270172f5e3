package dev.mvlab.datafile;

import dev.mvlab.model.SourceLocation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One instruction of a datafile: a keyword at the start of a line, then either a value on the same line or
 * {@code >} and an indented block.
 *
 * @param value       the rest of the line, stripped ("" when absent; ">" for a block)
 * @param valueColumn the 1-based column of the value (or where it would be)
 * @param block       the block's lines for {@code KEYWORD >}, else null
 * @param afterBlock  the block instruction directly above this one (no blank line between), else null
 */
record Instruction(Line line, String keyword, String value, int valueColumn, List<Line> block,
                   Instruction afterBlock) {

    boolean isBlock() {
        return block != null;
    }

    SourceLocation location() {
        return line.location(1);
    }

    SourceLocation valueLocation() {
        return line.location(valueColumn);
    }

    DatafileException error(String reason, String hint) {
        return line.error(1, reason, hint);
    }

    DatafileException valueError(String reason, String hint) {
        return line.error(valueColumn, reason, hint);
    }

    /** The value without surrounding quotes; a block's lines joined with spaces. Fails when empty. */
    String requireValue() {
        String v = isBlock() ? joinedBlock() : Values.unquote(value);
        if (v.isBlank()) {
            throw valueError("expected a value after " + keyword, null);
        }
        return v;
    }

    /** The value without quotes, or a block de-indented (lines kept), or "" when absent. */
    String text() {
        return isBlock() ? blockText() : Values.unquote(value);
    }

    /** A block's lines with the common indentation removed, joined with newlines. */
    String blockText() {
        int indent = block.stream().filter(l -> !l.isBlank()).mapToInt(Line::indent).min().orElse(0);
        return block.stream()
                .map(l -> l.isBlank() ? "" : l.text().substring(indent).stripTrailing())
                .collect(Collectors.joining("\n"));
    }

    private String joinedBlock() {
        return block.stream().map(l -> l.text().strip()).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    }
}
