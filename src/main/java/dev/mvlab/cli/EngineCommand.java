package dev.mvlab.cli;

import dev.mvlab.engine.EmbeddedEngine;
import dev.mvlab.engine.EngineRuntime;
import dev.mvlab.engine.EngineStatus;
import dev.mvlab.errors.EngineException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code mvlab engine start|stop|status|logs|install}. */
@Command(name = "engine", description = "Install, start, stop and inspect the ClickHouse engine.",
        subcommands = {EngineCommand.Start.class, EngineCommand.Stop.class, EngineCommand.Status.class,
                EngineCommand.Logs.class, EngineCommand.Install.class, EngineCommand.CredentialCommand.class})
final class EngineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static void print(PrintWriter out, EngineStatus status) {
        out.println("engine:   " + status.provider() + (status.running() ? " (running)" : " (stopped)"));
        if (status.version() != null) {
            out.println("version:  ClickHouse " + status.version());
        }
        if (status.endpoint() != null) {
            out.println("http:     " + status.endpoint().httpUrl());
        }
        if (status.tcpPort() != null) {
            out.println("tcp:      " + status.tcpPort());
        }
        if (status.dataDir() != null) {
            out.println("data:     " + status.dataDir());
        }
        if (status.pid() != null) {
            out.println("pid:      " + status.pid());
        }
        if (status.uptime() != null) {
            out.println("uptime:   " + status.uptime().toSeconds() + " s");
        }
        if (status.restarts() != null) {
            out.println("restarts: " + status.restarts());
        }
        if (status.note() != null) {
            out.println("note:     " + status.note());
        }
        if (!status.databases().isEmpty()) {
            out.println("holds:    " + String.join("\n          ", status.databases()));
        }
    }

    @Command(name = "start", description = "Start the engine (installing it first if needed); finds a running one.")
    static final class Start implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            EngineRuntime runtime = engine.runtime();
            print(spec.commandLine().getOut(), runtime.start());
        }
    }

    @Command(name = "stop", description = "Stop the engine cleanly; its data stays.")
    static final class Stop implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            EngineRuntime runtime = engine.runtime();
            runtime.stop();
            spec.commandLine().getOut().println(runtime.provider() + " engine stopped");
        }
    }

    @Command(name = "status", description = "Version, ports, data folder, pid and uptime of the engine.")
    static final class Status implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            print(spec.commandLine().getOut(), engine.runtime().status());
        }
    }

    @Command(name = "logs", description = "Show the end of the engine's log.")
    static final class Logs implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;
        @Option(names = {"-n", "--lines"}, defaultValue = "50", description = "How many lines (default 50).")
        int lines;

        @Override
        public void run() {
            EngineRuntime runtime = engine.runtime();
            Path log = runtime.logFile().orElseThrow(() -> new EngineException(
                    "the " + runtime.provider() + " engine keeps no log that mvlab can show", null));
            if (!Files.isRegularFile(log)) {
                throw new EngineException("no engine log yet at " + log, "start the engine: mvlab engine start");
            }
            try {
                List<String> all = Files.readAllLines(log);
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(spec.commandLine().getOut()::println);
            } catch (IOException e) {
                throw new EngineException("cannot read " + log + ": " + e.getMessage(), null);
            }
        }
    }

    @Command(name = "install", description = "Install the engine into the cache and verify its checksums.")
    static final class Install implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;
        @Option(names = "--force", description = "Download and verify it again, even when it is installed.")
        boolean force;

        @Override
        public void run() {
            EngineRuntime runtime = engine.runtime();
            String result = force && runtime instanceof EmbeddedEngine embedded ? embedded.reinstall()
                    : runtime.install();
            spec.commandLine().getOut().println(result);
        }
    }

    @Command(name = "credential", description = "Show how your own clients (clickhouse-client over HTTP, DBeaver, "
            + "curl) reach the engine: its URL, user and the credential.")
    static final class CredentialCommand implements Runnable {
        @Mixin
        EngineOptions engine;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (!(engine.runtime() instanceof EmbeddedEngine embedded)) {
                throw new EngineException("only the embedded engine has an mvlab credential",
                        "for other engines use the server's own users (MVLAB_USER, MVLAB_PASSWORD)");
            }
            PrintWriter out = spec.commandLine().getOut();
            String url = embedded.endpoint().map(e -> e.httpUrl()).orElse("http://127.0.0.1:<port> (not running)");
            out.println("url:        " + url);
            out.println("user:       default (any user name is accepted)");
            out.println("password:   " + embedded.credential());
            out.println("stored in:  " + embedded.credentialFile() + " (mode 0600)");
            out.println("curl:       curl -u default:$(cat " + embedded.credentialFile() + ") " + url
                    + " --data-binary 'SELECT 1'");
            out.println("JDBC:       jdbc:clickhouse:" + url + "/default  (user default, the password above)");
        }
    }
}
