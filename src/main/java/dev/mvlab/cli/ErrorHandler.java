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
        err.println("internal error: " + e);
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("(set MVLAB_DEBUG=1 to see the stack trace, and please report it)");
        }
        err.flush();
        return ExitCode.USAGE.code() + 68; // 70, EX_SOFTWARE
    }
}
