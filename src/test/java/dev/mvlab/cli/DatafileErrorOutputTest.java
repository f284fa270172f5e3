package dev.mvlab.cli;

import dev.mvlab.datafile.DatafileException;
import dev.mvlab.datafile.DatasourceParser;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A datafile error printed by the CLI's error handler reads like Tinybird's: location, excerpt, caret, hint. */
class DatafileErrorOutputTest {
    @Test
    void datafileErrorsPrintWithExcerptCaretAndHintOnce() {
        DatafileException error = catchThrowableOfType(DatafileException.class, () -> DatasourceParser.parse(
                Path.of("datasources/x.datasource"), "SCHEMA >\n    `a` String,\n    `price`,\n"));
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setErr(new PrintWriter(err));
        int code = new ErrorHandler().handleExecutionException(error, commandLine, null);
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("""
                error: datasources/x.datasource:3:12: expected a type after column `price`
                   1 | SCHEMA >
                   2 |     `a` String,
                   3 |     `price`,
                     |            ^
                hint: a column reads `name` Type, e.g. `price` String
                """);
    }
}
