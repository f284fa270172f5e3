package dev.mvlab.errors;

/** The documented process exit codes of mvlab; every {@link MvlabException} maps to one. */
public enum ExitCode {
    OK(0, "success"),
    VERDICT(1, "a verification verdict differs from what was expected (test: a test failed; fmt --check: files "
            + "to format)"),
    USAGE(2, "wrong usage of the command line"),
    DATAFILE(3, "a datafile or validation error"),
    DATABASE(4, "ClickHouse refused a statement"),
    ENGINE(5, "the engine is unavailable (not installed, not running, not reachable)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
