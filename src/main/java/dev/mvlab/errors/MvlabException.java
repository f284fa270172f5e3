package dev.mvlab.errors;

/**
 * A failure the user can act on: a one-paragraph message, optionally a hint saying what to do next, and the exit
 * code the CLI returns. The CLI prints these without a stack trace.
 */
public class MvlabException extends RuntimeException {
    private final ExitCode exitCode;
    private final String hint;

    public MvlabException(ExitCode exitCode, String message) {
        this(exitCode, message, null, null);
    }

    public MvlabException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public MvlabException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** What to do next, or null. */
    public String hint() {
        return hint;
    }
}
