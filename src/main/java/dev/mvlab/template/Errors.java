package dev.mvlab.template;

import dev.mvlab.model.SourceLocation;

/** Builds the {@link TemplateException}s of one template, turning offsets into file:line:col. */
final class Errors {
    static final String SQL_TEMPLATE = "SQLTemplateException";
    static final String VALUE_ERROR = "ValueError";

    private final String text;
    private final SourceLocation origin;

    Errors(String text, SourceLocation origin) {
        this.text = text;
        this.origin = origin;
    }

    /**
     * The datafile position of an offset: the text's first line starts at the origin; later lines start at the
     * origin's column too (node SQL is an indented block).
     */
    SourceLocation at(int offset) {
        if (origin == null) {
            return null;
        }
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(origin.file(), origin.line() + line,
                Math.max(1, origin.column()) + Math.max(0, offset - lineStart));
    }

    /** The 1-based line of an offset within the template text itself (what Tinybird's messages quote). */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    TemplateException syntax(int pos, String message, String hint) {
        return make(TemplateException.Kind.SYNTAX, pos, SQL_TEMPLATE, message, hint);
    }

    TemplateException evaluation(int pos, String message, String hint) {
        return make(TemplateException.Kind.EVALUATION, pos, SQL_TEMPLATE, message, hint);
    }

    TemplateException parameter(int pos, String message, String hint) {
        return make(TemplateException.Kind.PARAMETER, pos, SQL_TEMPLATE, message, hint);
    }

    TemplateException make(TemplateException.Kind kind, int pos, String tinybirdClass, String message, String hint) {
        String tinybird = tinybirdClass + ": "
                + (tinybirdClass.equals(SQL_TEMPLATE) ? "Template Syntax Error: " : "") + message;
        return new TemplateException(kind, at(pos), message, hint, tinybird, 400, null);
    }

    TemplateException raised(int pos, String tinybirdClass, String message, int status, String body) {
        return new TemplateException(TemplateException.Kind.RAISED, at(pos), message, null,
                tinybirdClass + ": " + message, status, body);
    }
}
