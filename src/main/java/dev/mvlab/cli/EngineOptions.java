package dev.mvlab.cli;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.engine.EngineInstaller;
import dev.mvlab.engine.EngineProvider;
import dev.mvlab.engine.EngineRuntime;
import dev.mvlab.engine.EngineSettings;
import dev.mvlab.engine.Engines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The options every command that needs ClickHouse shares: which engine, where, on which ports. */
public final class EngineOptions {
    @Mixin
    ProjectOption projectOption;

    /** The command these options belong to (its run shows the engine installer's steps). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--engine", description = "auto, embedded, clickhouse-binary, docker or url (env MVLAB_ENGINE).")
    String engine;

    @Option(names = "--url", description = "The server for --engine url, e.g. https://host:8443 (env MVLAB_URL).")
    String url;

    @Option(names = "--http-port", description = "HTTP port of an engine mvlab starts (default 18123; 0 = any).")
    Integer httpPort;

    @Option(names = "--tcp-port", description = "Native TCP port of an engine mvlab starts (default 19000; 0 = any).")
    Integer tcpPort;

    /** The project folder ({@code --project}). */
    public Path project() {
        return projectOption.dir();
    }

    /** These options as another mvlab command takes them (the project folder absolute): the same engine, the same project. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--project",
                project().toAbsolutePath().normalize().toString()));
        if (engine != null) {
            arguments.addAll(List.of("--engine", engine));
        }
        if (url != null) {
            arguments.addAll(List.of("--url", url));
        }
        if (httpPort != null) {
            arguments.addAll(List.of("--http-port", httpPort.toString()));
        }
        if (tcpPort != null) {
            arguments.addAll(List.of("--tcp-port", tcpPort.toString()));
        }
        return arguments;
    }

    public EngineSettings settings() {
        Map<String, String> overrides = new HashMap<>();
        put(overrides, "engine", engine);
        put(overrides, "url", url);
        put(overrides, "http.port", httpPort);
        put(overrides, "tcp.port", tcpPort);
        return EngineSettings.resolve(project(), overrides, System.getenv());
    }

    public EngineRuntime runtime() {
        EngineInstaller.Progress install = mixee == null ? EngineInstaller.Progress.NONE : Main.installProgress(mixee);
        return Engines.create(settings(), install);
    }

    /** The running engine's endpoint, starting the engine first when it is not running. */
    public Endpoint endpoint(PrintWriter err) {
        StartupMarks.mark("options parsed");
        EngineRuntime runtime = runtime();
        if (runtime.provider() == EngineProvider.URL) {
            return runtime.endpoint().orElseThrow(); // never started by mvlab; Database.connect reports it unreachable
        }
        return runtime.endpoint().filter(runtime::answers).orElseGet(() -> {
            err.println("starting the " + runtime.provider() + " engine ...");
            err.flush();
            return runtime.start().endpoint();
        });
    }

    public Database connect(PrintWriter err, String database) {
        return connected(err, database, endpoint -> Database.connect(endpoint, database), "");
    }

    /**
     * One connection without a pool ({@link Database#oneConnection}), with {@code createMissing} the database
     * created when missing: for a command that runs a statement or a few, one after another.
     */
    public Database connectOne(PrintWriter err, String database, boolean createMissing) {
        return connected(err, database, endpoint -> Database.oneConnection(endpoint, database, createMissing),
                " (one connection" + (createMissing ? ", database created)" : ")"));
    }

    /** The engine's endpoint (started if needed), {@code open} on it, and the project noted as a user of the database. */
    private Database connected(PrintWriter err, String database, Function<Endpoint, Database> open, String how) {
        Endpoint endpoint = endpoint(err);
        StartupMarks.mark("engine found");
        Database db = open.apply(endpoint);
        StartupMarks.mark("connected to " + database + how);
        if (!database.equals("default")) {
            noteProject(database);
        }
        return db;
    }

    /** Notes that this project uses {@code database}, so that {@code engine status} can say so. */
    void noteProject(String database) {
        if (runtime() instanceof dev.mvlab.engine.EmbeddedEngine embedded) {
            embedded.noteProject(project(), database);
        }
    }

    private static void put(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
