package dev.mvlab.endpointtest;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.DataSource;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.serve.EventIngest;
import dev.mvlab.serve.FileAppend;
import dev.mvlab.serve.IngestResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The throw-away environment {@code tb test run} builds: a database of its own on the engine
 * ({@code mvlab_test_<epoch seconds>_<random>}), the project applied to it, and the project's fixtures loaded, each
 * {@code fixtures/<data source>.ndjson} (else {@code .csv}, with a header) appended to the data source of its name
 * as {@code mvlab append} does, so materialized views fire. Closing drops the database (also on Ctrl-C); the next
 * run drops those of runs killed outright, an hour on.
 */
public final class TestEnvironment implements AutoCloseable {
    /** The project folder of fixture files. */
    public static final String FIXTURES = "fixtures";
    static final String PREFIX = "mvlab_test_";
    static final Duration STALE_AFTER = Duration.ofHours(1);
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)_[0-9a-f]+");
    private static final List<String> EXTENSIONS = List.of(".ndjson", ".ndjson.gz", ".csv", ".csv.gz");

    private final Database server;
    private final String name;
    private final Database db;
    private final List<FixtureLoad> fixtures;
    private final Thread dropOnExit;

    private TestEnvironment(Database server, String name, ProjectGraph graph, SqlRenderer renderer) {
        this.server = server;
        this.name = name;
        this.dropOnExit = new Thread(this::drop, "mvlab-drop-" + name);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
        Database opened = null;
        try {
            new Apply(server, renderer).run(graph, name, new ApplyOptions(false, false));
            opened = server.use(name);
            this.db = opened;
            this.fixtures = load(graph, renderer);
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            close(false);
            throw e;
        }
    }

    /** Builds the environment on {@code server} (a connection to any database of the engine). */
    public static TestEnvironment build(Database server, ProjectGraph graph, SqlRenderer renderer) {
        dropStale(server, Instant.now());
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return new TestEnvironment(server, PREFIX + Instant.now().getEpochSecond() + "_" + random, graph, renderer);
    }

    /**
     * Drops the test databases of runs killed outright (no shutdown hook ran): those whose name says they were made
     * more than {@link #STALE_AFTER} ago. Returns their names.
     */
    static List<String> dropStale(Database server, Instant now) {
        List<String> dropped = new ArrayList<>();
        try {
            for (List<Object> row : server.run("SHOW DATABASES LIKE '" + PREFIX + "%'").rows()) {
                String name = String.valueOf(row.get(0));
                Matcher m = NAME.matcher(name);
                if (m.matches() && Long.parseLong(m.group(1)) < now.minus(STALE_AFTER).getEpochSecond()) {
                    server.dropDatabase(name);
                    dropped.add(name);
                }
            }
        } catch (RuntimeException e) {
            // a server that does not list or drop them for us: they stay, and nothing else depends on it
        }
        return dropped;
    }

    public String databaseName() {
        return name;
    }

    /** The environment's database. */
    public Database database() {
        return db;
    }

    public List<FixtureLoad> fixtures() {
        return fixtures;
    }

    private List<FixtureLoad> load(ProjectGraph graph, SqlRenderer renderer) {
        Path folder = graph.project().root().resolve(FIXTURES);
        List<FixtureLoad> loads = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return loads;
        }
        List<DataSource> sources = graph.project().datasources().stream()
                .sorted(Comparator.comparing(DataSource::name)).toList();
        try (EventIngest ingest = new EventIngest(db, graph, renderer)) {
            FileAppend append = new FileAppend(ingest, db);
            for (DataSource source : sources) {
                Optional<Path> file = fixture(folder, source.name());
                if (file.isEmpty()) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file.get())) {
                    IngestResult result = append.append(source.name(), file.get().toString(), in,
                            FileAppend.FileFormat.byName(file.get().getFileName().toString()), progress -> { });
                    loads.add(new FixtureLoad(file.get(), source.name(), result.successfulRows(),
                            result.quarantinedRows(), result.errors()));
                } catch (IOException e) {
                    throw new MvlabException(ExitCode.DATAFILE, file.get() + ": cannot read: " + e.getMessage());
                }
            }
        }
        return loads;
    }

    private static Optional<Path> fixture(Path folder, String datasource) {
        return EXTENSIONS.stream().map(ext -> folder.resolve(datasource + ext)).filter(Files::isRegularFile)
                .findFirst();
    }

    @Override
    public void close() {
        close(true);
    }

    private void close(boolean closeDb) {
        if (closeDb && db != null) {
            db.close();
        }
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) the same drop
        }
    }

    private void drop() {
        try {
            server.dropDatabase(name);
        } catch (RuntimeException e) {
            // the engine went away: nothing is left to drop, or the next run of the engine still has it
        }
    }
}
