package dev.mvlab.cli;

import dev.mvlab.errors.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code mvlab} command line. {@link #run} is the testable entry point; {@link #main} only exits with its code. */
@Command(name = "mvlab", mixinStandardHelpOptions = true, version = "mvlab 0.1.0",
        description = "Teach and test ClickHouse materialized views on a real ClickHouse.",
        subcommands = {EngineCommand.class, SqlCommand.class, RenderCommand.class, PlanCommand.class,
                DeployCommands.CheckCommand.class, DeployCommands.ApplyCommand.class, DeployCommands.DiffCommand.class,
                DeployCommands.DropCommand.class, DeployCommands.CopyCommand.class, VerifyCommand.class,
                LessonCommand.class, GenerateCommand.class, BenchCommand.class, ServeCommand.class,
                AppendCommand.class, PipeCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a verification verdict differs from what was expected",
                "  2  wrong usage of the command line", "  3  a datafile or validation error",
                "  4  ClickHouse refused a statement", "  5  the engine is unavailable"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setAllowSubcommandsAsOptionParameters(true); // generate --datasource products
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            err.println("see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return ExitCode.USAGE.code();
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
