package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code -d/--database}: the one database option of every command, with the one default ({@value #DEFAULT}). Add it
 * with {@code @Mixin DatabaseOption database;} and read {@link #name()}.
 */
public final class DatabaseOption {
    /** The project's own database, so the workshop never mixes with other tables in 'default'. */
    public static final String DEFAULT = "mvlab";

    @Option(names = {"-d", "--database"}, paramLabel = "DB",
            description = "The database (default: " + DEFAULT + ", or env MVLAB_DATABASE; created when missing).")
    String database;

    /** The database given, else MVLAB_DATABASE, else the default. */
    public String name() {
        if (database != null) {
            return database;
        }
        String env = System.getenv("MVLAB_DATABASE");
        return env == null || env.isBlank() ? DEFAULT : env;
    }

    /** The database given, or {@code fallback} (for commands whose default depends on another option). */
    public String nameOr(String fallback) {
        return database != null ? database : fallback.equals(DEFAULT) ? name() : fallback;
    }

    /** Connects to the database, creating it first when it is missing. */
    public Database connect(EngineOptions engine, PrintWriter err) {
        return connect(engine, err, name());
    }

    /**
     * {@link #connect(EngineOptions, PrintWriter)} on one connection without a pool, for a command that runs a
     * statement or a few one after another (no pool to start, no second connection for the database).
     */
    public Database connectOne(EngineOptions engine, PrintWriter err) {
        return engine.connectOne(err, name(), true);
    }

    static Database connect(EngineOptions engine, PrintWriter err, String name) {
        try (Database server = engine.connect(err, "default")) {
            server.createDatabase(name);
            StartupMarks.mark("database created");
            engine.noteProject(name);
            Database db = server.use(name);
            StartupMarks.mark("connected to " + name);
            return db;
        }
    }
}
