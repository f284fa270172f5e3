package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.HttpQueries;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.EngineException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.sql.FormatClause;
import dev.mvlab.sql.SqlScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code mvlab sql}: statements on the engine, in order, each result printed as a table, JSON, CSV or TSV. */
@Command(name = "sql", description = {"Run SQL statements on the engine, in order, and print their results.",
        "The statements come from the argument, from -f FILE, or from stdin. 'INSERT INTO t FORMAT CSV' (or any "
                + "input format) with no data after it reads its data from stdin. A statement with its own FORMAT "
                + "clause (SELECT 1 FORMAT Vertical) prints the server's output as it is, streamed.",
        "With --cluster local the statements run on a node of mvlab's local cluster, where the data sources' names "
                + "are Distributed tables over every shard."},
        footer = {"%nExamples:", "  mvlab sql \"SELECT count() FROM estore_events\"",
                "  mvlab sql -f queries.sql --format json",
                "  mvlab sql \"SELECT number, number * 2 AS twice FROM numbers(3) FORMAT Vertical\"",
                "  mvlab sql \"INSERT INTO products FORMAT CSV\" < products.csv",
                "  mvlab sql --cluster local \"SELECT count() FROM estore_events\"   # every shard, through Distributed",
                "  mvlab sql --cluster local --node s2r1 \"SELECT count() FROM estore_events_local\"   # one node"})
final class SqlCommand implements Runnable {
    /** An INSERT whose data follows its FORMAT clause (inline, or on stdin when nothing follows). */
    private static final Pattern INSERT_WITH_FORMAT = Pattern.compile(
            "(?is)^\\s*INSERT\\s+INTO\\s.*?\\sFORMAT\\s+\\w+(.*)$");

    @Mixin
    EngineOptions engine;
    @Mixin
    DatabaseOption database;
    @Mixin
    LocalClusterReadWrite cluster;
    @Spec
    CommandSpec spec;

    @Option(names = "--node", paramLabel = "NAME", description = "With --cluster local: run on this node (s1r2: "
            + "shard 1, replica 2) instead of the first running one; its local tables (NAME_local) hold its shard.")
    String node;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SQL",
            description = "The statements, separated by ';' (default: read them from stdin).")
    String sql;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the statements from FILE ('-': stdin).")
    Path file;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json, csv or tsv (default: table): mvlab's rendering of statements without a "
                    + "FORMAT clause of their own.")
    ResultFormat format;

    @Override
    public void run() {
        boolean stdinHoldsStatements = file == null && sql == null || file != null && file.toString().equals("-");
        List<SqlScript.Statement> statements = SqlScript.split(statementsText(stdinHoldsStatements));
        if (statements.isEmpty()) {
            throw new MvlabException(ExitCode.USAGE, "no SQL statement given", "see mvlab sql --help");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (node != null && !cluster.given()) {
            throw new MvlabException(ExitCode.USAGE, "--node names a node of the local cluster",
                    "add --cluster local: mvlab sql --cluster local --node " + node + " ...");
        }
        if (!cluster.given()) {
            LocalClusterReadWrite.noteWhenUnused(engine, err);
        }
        try (Database db = cluster.given() ? cluster.connect(engine, err, database.name(), node)
                : database.connectOne(engine, err)) {
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
                    written(out, new HttpQueries(db.endpoint()).insertData(db.name(), statement, Main.stdin(spec)));
                } else if (insert.matches()) {
                    written(out, new HttpQueries(db.endpoint()).insertInline(db.name(), statement));
                } else if (FormatClause.of(statement).isPresent()) {
                    serverOutput(db, statement, out);
                } else {
                    QueryResult result = db.run(statement);
                    StartupMarks.mark("statement answered");
                    out.print(result.columns().isEmpty() ? "ok\n" : format.render(result));
                }
                out.flush();
            }
        }
    }

    /**
     * A statement with its own FORMAT clause: the server's output exactly as it sends it, copied as it arrives (raw
     * bytes on the process's stdout, so binary formats such as Parquet stay intact).
     */
    private static void serverOutput(Database db, String statement, PrintWriter out) {
        out.flush();
        OutputStream raw = Main.processStdout();
        HttpQueries.Answer answer;
        try {
            answer = new HttpQueries(db.endpoint()).stream(db.name(), statement, Map.of(),
                    body -> copy(body, raw, out));
        } catch (IOException e) {
            throw new EngineException("cannot reach ClickHouse at " + db.endpoint() + ": " + e.getMessage(),
                    "check that the engine runs: 'mvlab engine status'", e);
        }
        if (!answer.ok()) {
            throw new DatabaseException(answer.message(), statement, null);
        }
    }

    /** Copies until the body ends or the reader of the output goes away (as with {@code | head}). */
    private static void copy(InputStream body, OutputStream raw, PrintWriter out) throws IOException {
        if (raw != null) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                raw.write(buffer, 0, n);
                raw.flush();
                if (raw instanceof java.io.PrintStream print && print.checkError()) {
                    return;
                }
            }
            return;
        }
        Reader text = new InputStreamReader(body, StandardCharsets.UTF_8);
        char[] buffer = new char[1 << 14];
        for (int n; (n = text.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
            if (out.checkError()) {
                return;
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
