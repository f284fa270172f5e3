package dev.mvlab.template;

import dev.mvlab.model.SourceLocation;

/** Entry point of the template package: recognise and parse Tinybird template SQL. */
public final class Templates {
    private Templates() {
    }

    /** Whether a node's SQL is a template: its first non-blank character is the {@code %} of a marker line. */
    public static boolean isTemplate(String nodeSql) {
        return nodeSql != null && nodeSql.stripLeading().startsWith("%");
    }

    /**
     * Parses a node's SQL once.
     *
     * @param nodeSql the SQL as written, {@code %} line included
     * @param origin  where its first character is in the datafile; later lines start at the same column (node SQL is
     *                an indented block). May be null: errors then carry no location.
     * @throws TemplateException ({@link TemplateException.Kind#SYNTAX}) at the file:line:col of a malformed part
     */
    public static Template parse(String nodeSql, SourceLocation origin) {
        return Template.parse(nodeSql, origin);
    }
}
