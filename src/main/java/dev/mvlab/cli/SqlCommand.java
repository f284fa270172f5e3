package dev.mvlab.cli;

import dev.mvlab.clickhouse.DataInsert;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.sql.SqlScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code mvlab sql}: statements on the engine, in order, each result printed as a table, JSON, CSV or TSV. */
@Command(name = "sql", description = {"Run SQL statements on the engine, in order, and print their results.",
        "The statements come from the argument, from -f FILE, or from stdin. 'INSERT INTO t FORMAT CSV' (or any "
                + "input format) with no data after it reads its data from stdin."},
        footer = {"%nExamples:", "  mvlab sql \"SELECT count() FROM estore_events\"",
                "  mvlab sql -f queries.sql --format json",
                "  mvlab sql \"INSERT INTO products FORMAT CSV\" < products.csv"})
final class SqlCommand implements Runnable {
    /** An INSERT whose data follows its FORMAT clause (inline, or on stdin when nothing follows). */
    private static final Pattern INSERT_WITH_FORMAT = Pattern.compile(
            "(?is)^\\s*INSERT\\s+INTO\\s.*?\\sFORMAT\\s+\\w+(.*)$");

    @Mixin
    EngineOptions engine;
    @Mixin
    DatabaseOption database;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SQL",
            description = "The statements, separated by ';' (default: read them from stdin).")
    String sql;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the statements from FILE ('-': stdin).")
    Path file;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json, csv or tsv (default: table).")
    ResultFormat format;

    @Override
    public void run() {
        boolean stdinHoldsStatements = file == null && sql == null || file != null && file.toString().equals("-");
        List<SqlScript.Statement> statements = SqlScript.split(statementsText(stdinHoldsStatements));
        if (statements.isEmpty()) {
            throw new MvlabException(ExitCode.USAGE, "no SQL statement given", "see mvlab sql --help");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = database.connect(engine, spec.commandLine().getErr())) {
            boolean stdinUsed = stdinHoldsStatements;
            for (int i = 0; i < statements.size(); i++) {
                String statement = statements.get(i).sql();
                if (i > 0) {
                    out.println();
                }
                Matcher insert = INSERT_WITH_FORMAT.matcher(statement);
                if (insert.matches() && insert.group(1).isBlank()) {
                    if (stdinUsed) {
                        throw new MvlabException(ExitCode.USAGE, "'" + oneLine(statement) + "' reads its data from "
                                + "stdin, which already gave the statements (or another INSERT's data)",
                                "give the statement as the argument and the data on stdin: "
                                        + "mvlab sql \"INSERT INTO t FORMAT CSV\" < data.csv");
                    }
                    stdinUsed = true;
                    written(out, DataInsert.send(db.endpoint(), db.name(), statement, Main.stdin(spec)));
                } else if (insert.matches()) {
                    written(out, DataInsert.sendInline(db.endpoint(), db.name(), statement));
                } else {
                    QueryResult result = db.run(statement);
                    out.print(result.columns().isEmpty() ? "ok\n" : format.render(result));
                }
                out.flush();
            }
        }
    }

    private String statementsText(boolean fromStdin) {
        if (file != null && sql != null) {
            throw new MvlabException(ExitCode.USAGE, "give the SQL as the argument or with -f FILE, not both");
        }
        try {
            if (fromStdin) {
                InputStream in = Main.stdin(spec);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return file != null ? Files.readString(file) : sql;
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot read " + (file == null ? "stdin" : file) + ": "
                    + e.getMessage());
        }
    }

    private static void written(PrintWriter out, long rows) {
        out.printf(Locale.ROOT, "ok: %d %s written%n", rows, rows == 1 ? "row" : "rows");
    }

    private static String oneLine(String statement) {
        return statement.strip().replaceAll("\\s+", " ");
    }
}
