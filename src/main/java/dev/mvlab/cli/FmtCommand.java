package dev.mvlab.cli;

import dev.mvlab.datafileformat.DatafileFormat;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mvlab fmt [FILES or DIR] [--check] [--diff]}: lays out datafiles as {@code tb fmt} does. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Format .datasource and .pipe files the way Tinybird's tb fmt lays them out (SQL text kept; "
                + "# comments kept, which tb fmt drops). Each file is parsed before and after: a file that does not "
                + "parse is reported (file:line:col) and left as it is. Files are replaced atomically.",
                "Exit codes: 0 done (or nothing to change), 1 with --check or --diff: some files are not formatted, "
                        + "2 wrong usage, 3 a file that does not parse or cannot be written."})
final class FmtCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*",
            description = "Datafiles, or folders to search for them (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--check", description = "Write nothing; list the files fmt would change and exit 1 if any (CI).")
    boolean check;

    @Option(names = "--diff", description = "Write nothing; print a unified diff of each change and exit 1 if any.")
    boolean diff;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = DatafileFormat.datafiles(paths.isEmpty() ? List.of(Path.of(".")) : paths);
        boolean write = !check && !diff;
        int changed = 0;
        int failed = 0;
        for (Path file : files) {
            DatafileFormat.FileOutcome outcome;
            try {
                outcome = DatafileFormat.format(file, write);
            } catch (MvlabException e) {
                err.println("error: " + e.getMessage());
                if (e.hint() != null) {
                    err.println("hint: " + e.hint());
                }
                failed++;
                continue;
            }
            if (!outcome.changed()) {
                continue;
            }
            changed++;
            if (diff) {
                out.print(outcome.diff());
            } else if (check) {
                out.println("would reformat " + file);
            } else {
                out.println("formatted " + file);
            }
        }
        String verb = write ? "formatted" : "to format";
        err.printf("%d file(s) %s, %d already formatted%s%n", changed, verb, files.size() - changed - failed,
                failed > 0 ? ", " + failed + " left as they are (errors above)" : "");
        if (files.isEmpty()) {
            err.println("note: no .datasource or .pipe file found");
        }
        out.flush();
        err.flush();
        if (failed > 0) {
            return ExitCode.DATAFILE.code();
        }
        return !write && changed > 0 ? ExitCode.VERDICT.code() : ExitCode.OK.code();
    }
}
