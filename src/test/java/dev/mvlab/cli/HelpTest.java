package dev.mvlab.cli;

import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command and subcommand answers --help and -h; 'mvlab help' works; a misspelt subcommand gets a suggestion. */
class HelpTest {

    private static MvlabRun mvlab(String... args) {
        return MvlabRun.mvlab(args);
    }

    /** Every command path below the root, e.g. [lesson, run]. */
    private static List<List<String>> commands(CommandLine command, List<String> path, List<List<String>> into) {
        for (var entry : command.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(entry.getKey());
            into.add(sub);
            commands(entry.getValue(), sub, into);
        }
        return into;
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        CommandLine root = Main.commandLine(System.in, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<List<String>> all = commands(root, List.of(), new ArrayList<>());
        assertThat(all).contains(List.of("lesson", "run"), List.of("engine", "start"), List.of("sql"),
                List.of("generate", "products"), List.of("completion"), List.of("help"));
        for (List<String> path : all) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                MvlabRun run = mvlab(args.toArray(String[]::new));
                assertThat(run.code()).as(String.join(" ", args)).isZero();
                assertThat(run.out()).as(String.join(" ", args))
                        .containsPattern("(?m)^Usage: mvlab " + String.join(" ", path) + "( |$)");
            }
        }
    }

    @Test
    void helpCommandShowsACommandsUsage() {
        MvlabRun run = mvlab("help", "lesson");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Usage: mvlab lesson").contains("run");
        assertThat(mvlab("--help").out()).contains("Exit codes:").contains("completion");
    }

    @Test
    void aMisspeltSubcommandGetsASuggestion() {
        MvlabRun lesson = mvlab("lesson", "rnu", "3");
        assertThat(lesson.code()).isEqualTo(2);
        assertThat(lesson.err()).contains("Did you mean: mvlab lesson run?");
        MvlabRun apply = mvlab("aply");
        assertThat(apply.code()).isEqualTo(2);
        assertThat(apply.err()).contains("Did you mean: mvlab apply?");
    }

    @Test
    void completionIsAScriptForBash() {
        MvlabRun run = mvlab("completion");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("complete -F").contains("lesson");
    }

    @Test
    void everyCommandUsesTheSameDefaultDatabase() {
        CommandLine root = Main.commandLine(System.in, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        for (List<String> path : commands(root, List.of(), new ArrayList<>())) {
            CommandLine command = root;
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            var option = command.getCommandSpec().findOption("--database");
            if (option != null) {
                assertThat(option.description()[0]).as(String.join(" ", path))
                        .contains("default: " + DatabaseOption.DEFAULT);
            }
        }
    }

    @Test
    void aTbVerbIsAnsweredWithTheMvlabCommand() {
        MvlabRun dependencies = mvlab("dependencies");
        assertThat(dependencies.code()).isEqualTo(2);
        assertThat(dependencies.err()).contains("in mvlab this is `mvlab plan`").doesNotContain("Did you mean");
        assertThat(mvlab("push").err()).contains("in mvlab this is `mvlab apply`");
        assertThat(mvlab("deploy").err()).contains("in mvlab this is `mvlab apply`");
        assertThat(mvlab("datasource", "append", "x", "y.csv").err()).contains("mvlab append");
        MvlabRun dryRun = mvlab("fmt", "--dry-run", "x.pipe");
        assertThat(dryRun.code()).isEqualTo(2);
        assertThat(dryRun.err()).contains("'--dry-run' is a tb fmt option: in mvlab, `mvlab fmt --check`");
        assertThat(mvlab("test", "run").err()).contains("in mvlab this is `mvlab test [FILES]`");
    }
}
