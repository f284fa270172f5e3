package dev.mvlab.datafile;

import dev.mvlab.model.SourceLocation;

/**
 * One line of a datafile after includes are expanded: its text (include variables substituted) and the file and
 * line it came from.
 */
record Line(Source source, int number, String text) {

    boolean isBlank() {
        return text.isBlank();
    }

    /** Starts with a space or a tab: part of a {@code >} block. */
    boolean isIndented() {
        return !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(0) == '\t');
    }

    /** A {@code #} comment at the start of the line (outside SQL). */
    boolean isComment() {
        return text.stripLeading().startsWith("#");
    }

    /** Number of leading whitespace characters. */
    int indent() {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** True when the indentation mixes tabs and spaces. */
    boolean mixesTabsAndSpaces() {
        String lead = text.substring(0, indent());
        return lead.contains("\t") && lead.contains(" ");
    }

    SourceLocation location(int column) {
        return source.location(number, column);
    }

    DatafileException error(int column, String reason, String hint) {
        return source.error(number, column, reason, hint);
    }
}
