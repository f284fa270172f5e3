package dev.mvlab.cli;

import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.deploy.ApplyResult;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.serve.ApiService;
import dev.mvlab.serve.KeyMemory;
import dev.mvlab.serve.RunningServer;
import dev.mvlab.serve.ServeSettings;
import dev.mvlab.serve.Token;
import dev.mvlab.serve.door.DoorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mvlab serve}: the project as a local Tinybird API (Events API, pipe endpoints, SQL, tokens). */
@Command(name = "serve", mixinStandardHelpOptions = true, subcommands = ServeCommand.Stop.class,
        description = {"Serve the project like Tinybird Local: POST /v0/events, GET /v0/pipes/NAME.json, /v0/sql, "
                + "tokens. Applies the project first; serves until Ctrl-C or 'mvlab serve stop'."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engine;
    @Mixin
    DatabaseOption database;
    @Mixin
    RenderingOptions rendering;
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "" + ServeSettings.DEFAULT_PORT,
            description = "The API port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "The address to listen on (default ${DEFAULT-VALUE}: this machine only). Any other address "
                    + "exposes the API to other machines: serve prints what it exposes; /tokens stays loopback-only.")
    String host;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Also answer requests whose Host is NAME (repeatable), e.g. a name other machines use to "
                    + "reach serve. Other names are refused with 421 (DNS rebinding).")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--query-timeout", paramLabel = "SECONDS",
            defaultValue = "" + DoorSettings.DEFAULT_QUERY_TIMEOUT_SECONDS,
            description = "The longest a query may run, which clients cannot lift (default ${DEFAULT-VALUE}).")
    int queryTimeout;

    @Option(names = "--queries-per-token", paramLabel = "N", defaultValue = "" + DoorSettings.DEFAULT_QUERIES_PER_TOKEN,
            description = "Queries one token may run at once; more get 429 with Retry-After (default ${DEFAULT-VALUE}).")
    int queriesPerToken;

    @Option(names = "--idempotency-life", converter = Converters.DurationConverter.class, defaultValue = "24h",
            paramLabel = "DURATION", description = "How long an Idempotency-Key of the Events API is remembered: a "
            + "retry within it stores nothing new (default ${DEFAULT-VALUE}; kept across restarts).")
    Duration idempotencyLife;

    @Option(names = "--idempotency-keys", defaultValue = "2000000", paramLabel = "N",
            description = "At most this many Idempotency-Keys are remembered; past it the oldest are forgotten "
                    + "first (default ${DEFAULT-VALUE}, about 40 bytes of memory each).")
    int idempotencyKeys;

    private KeyMemory keyMemory() {
        try {
            return new KeyMemory(idempotencyLife, idempotencyKeys);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (queryTimeout < 1 || queriesPerToken < 1) {
            throw new ParameterException(spec.commandLine(), "--query-timeout and --queries-per-token must be 1 or more");
        }
        ServeSettings settings = ServeSettings.of(engine.project(), host, port).withDoor(DoorSettings.DEFAULT
                .withAllowedHosts(allowHosts).withQueryTimeout(Duration.ofSeconds(queryTimeout))
                .withQueriesPerToken(queriesPerToken)).withKeys(keyMemory());
        Optional<RunningServer> running = RunningServer.find(settings);
        if (running.isPresent()) {
            out.println("already serving " + running.get().database() + " at " + running.get().url() + " (pid "
                    + running.get().pid() + "); stop it with: mvlab serve stop");
            return ExitCode.OK.code();
        }
        long started = System.nanoTime();
        ProjectGraph graph = RenderingOptions.graph(engine.project(), err);
        SqlRenderer renderer = rendering.renderer();
        try (Database server = engine.connect(err, "default")) {
            ApplyResult applied = new Apply(server, renderer).run(graph, database.name(),
                    new ApplyOptions(false, true)); // views defined differently are recreated: no data is lost
            if (applied.changed()) {
                out.println("applied the project to " + database.name());
            }
        }
        Database db = engine.connect(err, database.name());
        ApiService service = ApiService.start(db, graph, renderer, settings);
        long pid = ProcessHandle.current().pid();
        new RunningServer(pid, service.url(), database.name()).save(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            db.close();
            RunningServer.forget(settings, pid);
        }, "mvlab-serve-stop"));
        out.printf("serving %s (database %s) at %s, ready in %.1f s%n", engine.project().toAbsolutePath().normalize(),
                database.name(), service.url(), (System.nanoTime() - started) / 1e9);
        out.println("  " + service.queryRoles().describe(database.name()));
        if (!settings.loopback()) {
            service.exposure().forEach(err::println);
        }
        for (Token token : service.tokens()) {
            out.printf("  token %-20s %s%n", token.name(), token.value());
        }
        out.println("try: curl -H \"Authorization: Bearer " + service.adminToken().value() + "\" " + service.url()
                + "/v0/pipes");
        out.println("stop with Ctrl-C or: mvlab serve stop");
        out.flush();
        service.join();
        return ExitCode.OK.code();
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the running 'mvlab serve' of the project.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        ProjectOption project;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ServeSettings settings = ServeSettings.of(project.dir(), "127.0.0.1", ServeSettings.DEFAULT_PORT);
            Optional<RunningServer> running = RunningServer.find(settings);
            PrintWriter out = spec.commandLine().getOut();
            if (running.isEmpty()) {
                out.println("mvlab serve is not running for " + project.dir().toAbsolutePath().normalize());
                return ExitCode.OK.code();
            }
            boolean stopped = running.get().stop(Duration.ofSeconds(30));
            out.println(stopped ? "stopped mvlab serve at " + running.get().url() + " (pid " + running.get().pid() + ")"
                    : "mvlab serve (pid " + running.get().pid() + ") did not stop within 30 s");
            return stopped ? ExitCode.OK.code() : ExitCode.ENGINE.code();
        }
    }
}
