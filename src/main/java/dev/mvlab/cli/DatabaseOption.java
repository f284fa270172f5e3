package dev.mvlab.cli;

import picocli.CommandLine.Option;

/** {@code --database}: the ClickHouse database a project is deployed into. */
public final class DatabaseOption {
    /** The project's own database, so the workshop never mixes with other tables in 'default'. */
    public static final String DEFAULT = "mvlab";

    @Option(names = {"-d", "--database"}, defaultValue = DEFAULT,
            description = "The database to deploy into (default: " + DEFAULT + "; created when missing).")
    String database;
}
