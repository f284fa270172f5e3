package dev.mvlab.cli;

import dev.mvlab.engine.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mvlab sql "SELECT ..."}: one query on the current engine, printed as a table, JSON, CSV or TSV. */
@Command(name = "sql", description = "Run one SQL statement on the engine and print its result.")
final class SqlCommand implements Runnable {
    @Mixin
    EngineOptions engine;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SQL", description = "The statement.")
    String sql;

    @Option(names = {"-d", "--database"}, defaultValue = "default", description = "The database (default: default).")
    String database;

    @Option(names = {"-f", "--format"}, defaultValue = "table",
            description = "table, json, csv or tsv (default: table).")
    ResultFormat format;

    @Override
    public void run() {
        try (Database db = engine.connect(spec.commandLine().getErr(), database)) {
            var result = db.run(sql);
            spec.commandLine().getOut().print(result.columns().isEmpty() ? "ok\n" : format.render(result));
        }
    }
}
