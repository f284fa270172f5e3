package dev.mvlab.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level commands of {@code mvlab}, by name, in the order {@code mvlab --help} lists them. A name here must be
 * the {@code name} of its class's {@code @Command} ({@code CommandTableTest} checks it); {@link Main} builds the one
 * a run invokes, or all of them for help and completion.
 */
final class CommandTable {
    /** Name to command class, in help order ({@code completion} is added after them by {@link Main}). */
    static final Map<String, Class<?>> COMMANDS = commands();

    private CommandTable() {
    }

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("help", CommandLine.HelpCommand.class);
        commands.put("engine", EngineCommand.class);
        commands.put("cluster", ClusterCommand.class);
        commands.put("sql", SqlCommand.class);
        commands.put("render", RenderCommand.class);
        commands.put("plan", PlanCommand.class);
        commands.put("check", DeployCommands.CheckCommand.class);
        commands.put("apply", DeployCommands.ApplyCommand.class);
        commands.put("diff", DeployCommands.DiffCommand.class);
        commands.put("drop", DeployCommands.DropCommand.class);
        commands.put("copy", DeployCommands.CopyCommand.class);
        commands.put("backfill", BackfillCommand.class);
        commands.put("verify", VerifyCommand.class);
        commands.put("lesson", LessonCommand.class);
        commands.put("generate", GenerateCommand.class);
        commands.put("bench", BenchCommand.class);
        commands.put("report", ReportCommand.class);
        commands.put("serve", ServeCommand.class);
        commands.put("append", AppendCommand.class);
        commands.put("pipe", PipeCommand.class);
        commands.put("test", TestCommand.class);
        commands.put("fmt", FmtCommand.class);
        return java.util.Collections.unmodifiableMap(commands);
    }

    /**
     * The command a run's first argument names when a run of it needs no other top-level command: {@code help}
     * (which reads the whole tree) and anything not listed (an option, a misspelt name) give empty.
     */
    static Optional<Class<?>> command(String firstArgument) {
        return firstArgument.equals("help") ? Optional.empty() : Optional.ofNullable(COMMANDS.get(firstArgument));
    }
}
