package dev.mvlab.template;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;

/**
 * A template that cannot be parsed or rendered, at the file:line:col of the part that failed.
 * {@link #getMessage()} is {@code file:line:col: reason}; {@link #kind()} says whose fault it is: the datafile's
 * ({@link Kind#SYNTAX}, {@link Kind#EVALUATION}), the caller's ({@link Kind#PARAMETER}, HTTP 400), an
 * {@code error()}/{@code custom_error()} the template raised on purpose ({@link Kind#RAISED}, with its status) or a
 * missing secret ({@link Kind#SECRET}). The CLI maps every kind to exit code 3.
 */
public final class TemplateException extends MvlabException {

    /** Whose fault the error is. */
    public enum Kind {
        /** The template text is malformed (parse time): unknown tag or function, unclosed block, bad expression. */
        SYNTAX,
        /** The template failed while rendering for a reason of its own: an undefined name, a type error. */
        EVALUATION,
        /** A request parameter is missing or does not validate against its type. */
        PARAMETER,
        /** The template called {@code error()} or {@code custom_error()}. */
        RAISED,
        /** {@code tb_secret()}/{@code tb_var()} names a secret that is not configured. */
        SECRET
    }

    private final Kind kind;
    private final SourceLocation location;
    private final String reason;
    private final String tinybirdError;
    private final int httpStatus;
    private final String customBody;

    TemplateException(Kind kind, SourceLocation location, String reason, String hint, String tinybirdError,
                      int httpStatus, String customBody) {
        super(ExitCode.DATAFILE, (location == null ? "" : location + ": ") + reason, hint);
        this.kind = kind;
        this.location = location;
        this.reason = reason;
        this.tinybirdError = tinybirdError;
        this.httpStatus = httpStatus;
        this.customBody = customBody;
    }

    public Kind kind() {
        return kind;
    }

    /** Where the failing part of the template is written. */
    public SourceLocation location() {
        return location;
    }

    /** The one-line reason, without the location. */
    public String reason() {
        return reason;
    }

    /**
     * The error as Tinybird's own engine reports it, class and message, e.g. {@code SQLTemplateException: Template
     * Syntax Error: Error validating 'abc' to type Int32}.
     */
    public String tinybirdError() {
        return tinybirdError;
    }

    /** The HTTP status an endpoint call answers with: 400, or the code given to error()/custom_error(). */
    public int httpStatus() {
        return httpStatus;
    }

    /** For custom_error(): the dictionary it was given, as JSON text; otherwise null. */
    public String customBody() {
        return customBody;
    }

    /** True when the request is at fault (a bad or missing parameter), not the datafile. */
    public boolean isParameterError() {
        return kind == Kind.PARAMETER;
    }
}
