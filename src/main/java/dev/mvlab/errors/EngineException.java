package dev.mvlab.errors;

/** The engine cannot be installed, started, reached or stopped. */
public class EngineException extends MvlabException {
    public EngineException(String message, String hint) {
        super(ExitCode.ENGINE, message, hint);
    }

    public EngineException(String message, String hint, Throwable cause) {
        super(ExitCode.ENGINE, message, hint, cause);
    }
}
