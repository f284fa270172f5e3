package dev.mvlab.cli;

import dev.mvlab.engine.EngineInstaller;
import dev.mvlab.errors.Suggestions;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code mvlab} command line. {@link #run} is the testable entry point; {@link #main} only exits with its code.
 * {@link #commandLine} gives every command and subcommand {@code -h/--help} and {@code -V/--version}, so a new
 * command only needs to be listed in {@link CommandTable}. A run builds picocli's model of the command it invokes only
 * ({@link #commandLine(java.io.InputStream, PrintWriter, PrintWriter, String...)}): reading the annotations of the
 * whole tree was most of a short command's start-up.
 */
@Command(name = "mvlab", mixinStandardHelpOptions = true, version = "mvlab 0.1.0",
        description = "Teach and test ClickHouse materialized views on a real ClickHouse.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  a verdict differs from what was expected (verify), a test failed",
                "     (test), files to format (fmt --check, fmt --diff)",
                "  2  wrong usage of the command line",
                "  3  a datafile or validation error (also an internal error: a bug, please report it)",
                "  4  ClickHouse refused a statement", "  5  the engine is unavailable",
                "", "Run 'mvlab help COMMAND' or 'mvlab COMMAND --help' for a command's options.",
                "Shell completion: source <(mvlab completion)"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    private final java.io.InputStream stdin;
    /** Where the engine installer's steps go during this run (see {@link #installProgress}). */
    private EngineInstaller.Progress installProgress = EngineInstaller.Progress.NONE;
    /** The process's own stdout when mvlab runs as a program (null in-process): raw bytes, for binary output. */
    private static volatile java.io.OutputStream processStdout;

    Main() {
        this(System.in);
    }

    private Main(java.io.InputStream stdin) {
        this.stdin = stdin;
    }

    public static void main(String[] args) {
        StartupMarks.mark("main");
        processStdout = System.out;
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        StartupMarks.print(err);
        System.exit(code);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(System.in, out, err, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with {@code in} as the commands' stdin. */
    public static int run(java.io.InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(in, out, err, args);
        try (StepLine install = new StepLine(err, Terminal.interactive())) {
            ((Main) commandLine.getCommand()).installProgress = what -> {
                if (what.startsWith("installed ")) {
                    install.close();
                    err.println("mvlab: " + what);
                } else {
                    install.step(what);
                }
            };
            try {
                StartupMarks.mark("command tree built");
                return commandLine.execute(args);
            } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
                return ErrorHandler.internalError(e, err); // picocli hands Errors through
            }
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The whole command tree, configured: help on every command, completion, usage errors with suggestions. */
    static CommandLine commandLine(java.io.InputStream in, PrintWriter out, PrintWriter err) {
        return commandLine(in, out, err, new String[0]);
    }

    /**
     * The tree a run of {@code args} needs: when the first argument names a command ({@code sql}, {@code engine}),
     * the root with that command and its own subcommands only (what it parses, runs and prints as help is the
     * same); {@code --version} alone, the root alone; otherwise ({@code --help}, {@code help}, {@code completion}, a
     * misspelt command) the whole tree.
     */
    static CommandLine commandLine(java.io.InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main(in));
        java.util.Optional<Class<?>> invoked = args.length == 0 ? java.util.Optional.empty()
                : CommandTable.command(args[0]);
        boolean versionOnly = args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"));
        if (invoked.isPresent()) {
            commandLine.addSubcommand(args[0], invoked.get());
        } else if (!versionOnly) {
            CommandTable.COMMANDS.forEach(commandLine::addSubcommand);
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true)
                .setAllowSubcommandsAsOptionParameters(true); // generate --datasource products
        if (invoked.isEmpty() && !versionOnly) {
            CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
            completion.getCommandSpec().name("completion").usageMessage().hidden(false)
                    .description("Print a bash/zsh completion script: source <(mvlab completion)");
            commandLine.addSubcommand("completion", completion);
        }
        withHelpOptions(commandLine);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(Main::usageError);
        return commandLine;
    }

    private static void withHelpOptions(CommandLine command) {
        if (command.getCommandSpec().optionsMap().get("--help") == null
                && !(command.getCommand() instanceof CommandLine.HelpCommand)) {
            command.getCommandSpec().mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().forEach(Main::withHelpOptions);
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage());
        java.util.Optional<String> tbEquivalent = e instanceof CommandLine.UnmatchedArgumentException u
                && command.getParent() == null && !u.getUnmatched().isEmpty()
                ? TbVerbs.equivalent(u.getUnmatched().get(0)) : java.util.Optional.empty();
        if (tbEquivalent.isEmpty() && e instanceof CommandLine.UnmatchedArgumentException u
                && command.getCommandSpec().name().equals("fmt") && !u.getUnmatched().isEmpty()) {
            java.util.Optional<String> fmtOption = TbVerbs.fmtOption(u.getUnmatched().get(0));
            if (fmtOption.isPresent()) {
                err.println(fmtOption.get());
                err.println("see: mvlab fmt --help");
                err.flush();
                return dev.mvlab.errors.ExitCode.USAGE.code();
            }
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && u.getUnmatched().stream()
                .anyMatch(a -> a.equals("--cluster") || a.startsWith("--cluster="))) {
            err.println(NoClusterOption.hint(command.getCommandSpec().qualifiedName()));
        } else if (tbEquivalent.isPresent()) {
            err.println("'" + ((CommandLine.UnmatchedArgumentException) e).getUnmatched().get(0)
                    + "' is a tb verb: in mvlab this is `" + tbEquivalent.get() + "`");
        } else if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            suggestion(command, unmatched).ifPresentOrElse(
                    name -> err.println("Did you mean: " + command.getCommandSpec().qualifiedName() + " " + name + "?"),
                    () -> CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err));
        }
        err.println("see: " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return dev.mvlab.errors.ExitCode.USAGE.code();
    }

    /** The process's stdout for raw bytes, or null when mvlab runs in-process (then use the command's writer). */
    static java.io.OutputStream processStdout() {
        return processStdout;
    }

    /** Where the engine installer tells its steps during the run a command belongs to: the terminal's step line. */
    static EngineInstaller.Progress installProgress(CommandLine.Model.CommandSpec command) {
        return command.root().userObject() instanceof Main main ? main.installProgress : EngineInstaller.Progress.NONE;
    }

    /** The stdin of the run a command belongs to. */
    static java.io.InputStream stdin(CommandLine.Model.CommandSpec command) {
        return ((Main) command.root().userObject()).stdin;
    }

    /** The subcommand a misspelt first argument is closest to ({@code lesson rnu 3}: run). */
    private static java.util.Optional<String> suggestion(CommandLine command,
                                                         CommandLine.UnmatchedArgumentException unmatched) {
        if (unmatched.getUnmatched().isEmpty() || unmatched.getUnmatched().get(0).startsWith("-")) {
            return java.util.Optional.empty();
        }
        return Suggestions.closest(unmatched.getUnmatched().get(0), command.getSubcommands().keySet());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
