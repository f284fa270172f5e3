package dev.mvlab.cli;

import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run builds only the command it invokes; its parsing, help and errors are those of the whole tree, which help,
 * completion and a misspelt command still get.
 */
class CommandTableTest {
    private static CommandLine tree(String... args) {
        return Main.commandLine(System.in, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                args);
    }

    @Test
    void everyNameIsItsCommandsOwnName() {
        CommandTable.COMMANDS.forEach((name, type) -> {
            CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
            assertThat(command).as(name).isNotNull();
            assertThat(command.name()).as(type.getName()).isEqualTo(name);
            assertThat(command.aliases()).as(name + " has aliases: list them in CommandTable").isEmpty();
        });
        assertThat(tree().getSubcommands().keySet()).containsExactlyElementsOf(
                concat(List.copyOf(CommandTable.COMMANDS.keySet()), "completion"));
    }

    @Test
    void aRunOfOneCommandBuildsThatCommandWithItsSubcommandsOnly() {
        assertThat(tree("sql", "SELECT 1").getSubcommands().keySet()).containsExactly("sql");
        CommandLine engine = tree("engine", "status");
        assertThat(engine.getSubcommands().keySet()).containsExactly("engine");
        assertThat(engine.getSubcommands().get("engine").getSubcommands().keySet())
                .contains("start", "stop", "status");
        for (String[] whole : List.of(new String[0], new String[]{"--help"}, new String[]{"help", "sql"},
                new String[]{"completion"}, new String[]{"aply"}, new String[]{"-V", "sql"})) {
            assertThat(tree(whole).getSubcommands()).as(String.join(" ", whole))
                    .hasSize(CommandTable.COMMANDS.size() + 1);
        }
    }

    @Test
    void theVersionAloneBuildsNoCommandAndIsPrinted() {
        assertThat(tree("--version").getSubcommands()).isEmpty();
        assertThat(tree("-V").getSubcommands()).isEmpty();
        for (String flag : List.of("--version", "-V")) {
            MvlabRun run = MvlabRun.mvlab(flag);
            assertThat(run.code()).isZero();
            assertThat(run.out().strip()).isEqualTo("mvlab 0.1.0");
        }
    }

    @Test
    void aCommandsHelpAndErrorsAreTheSameAsFromTheWholeTree() {
        for (String name : CommandTable.COMMANDS.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            StringWriter whole = new StringWriter();
            tree().getSubcommands().get(name).usage(new PrintWriter(whole));
            MvlabRun run = MvlabRun.mvlab(name, "--help");
            assertThat(run.code()).as(name).isZero();
            assertThat(run.out()).as(name).isEqualTo(whole.toString());
        }
        MvlabRun wrong = MvlabRun.mvlab("sql", "--no-such-option", "SELECT 1");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("Unknown option: '--no-such-option'").contains("see: mvlab sql --help");
        MvlabRun misspelt = MvlabRun.mvlab("sqll", "SELECT 1");
        assertThat(misspelt.code()).isEqualTo(2);
        assertThat(misspelt.err()).contains("Did you mean: mvlab sql?");
    }

    private static List<String> concat(List<String> names, String last) {
        List<String> all = new java.util.ArrayList<>(names);
        all.add(last);
        return all;
    }
}
