package dev.mvlab.cli;

import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Prints a known failure as its message and hint, with no stack trace (unless MVLAB_DEBUG is set). */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean debug = System.getenv("MVLAB_DEBUG") != null;
        if (e instanceof MvlabException known) {
            err.println("error: " + known.getMessage());
            if (known instanceof DatabaseException db && db.sql() != null) {
                err.println("sql:");
                db.sql().strip().lines().forEach(line -> err.println("  " + line));
            }
            if (known.hint() != null) {
                err.println("hint: " + known.hint());
            }
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return known.exitCode().code();
        }
        return internalError(e, err);
    }

    /**
     * Anything that is not an {@link MvlabException} is a bug of mvlab (often input it failed to validate): one line
     * saying so, the trace only with MVLAB_DEBUG, and exit code 3 like every other input error (only the documented
     * codes 0-5 exist).
     */
    static int internalError(Throwable e, PrintWriter err) {
        err.println("error: internal error (a bug in mvlab, please report it): " + describe(e));
        if (System.getenv("MVLAB_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("hint: set MVLAB_DEBUG=1 to see the stack trace; include it in the report");
        }
        err.flush();
        return ExitCode.DATAFILE.code();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof StackOverflowError) {
            message = "the input nests too deeply";
        } else if (e instanceof OutOfMemoryError) {
            message = "out of memory (the input is too large)";
        }
        message = message.length() > 300 ? message.substring(0, 300) + "..." : message;
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
