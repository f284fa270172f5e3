package dev.mvlab.testing;

import dev.mvlab.cli.Main;
import dev.mvlab.clickhouse.Endpoint;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One mvlab command run in this JVM through {@link Main#run}, as the process would run it: its exit code and what it
 * printed on stdout and stderr. The one in-process runner of the tests.
 */
public record MvlabRun(int code, String out, String err) {

    /** Runs {@code mvlab args...} with the JVM's stdin. */
    public static MvlabRun mvlab(String... args) {
        return run(System.in, args);
    }

    public static MvlabRun mvlab(List<String> args) {
        return mvlab(args.toArray(String[]::new));
    }

    /** Runs {@code mvlab args...} reading {@code stdin} as its standard input. */
    public static MvlabRun withStdin(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** {@code args}, then the options that point a command at the test engine by URL. */
    public static List<String> onEngine(Endpoint endpoint, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--engine", "url", "--url", endpoint.httpUrl()));
        return all;
    }

    /** Runs {@code mvlab args...} on a project and a database of the test engine. */
    public static MvlabRun inDatabase(java.nio.file.Path project, Endpoint endpoint, String database, String... args) {
        List<String> all = onEngine(endpoint, args);
        all.addAll(List.of("--project", project.toString(), "-d", database));
        return mvlab(all);
    }

    /** stdout then stderr, for assertion messages. */
    public String output() {
        return out + err;
    }

    private static MvlabRun run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(stdin, new PrintWriter(out), new PrintWriter(err), args);
        return new MvlabRun(code, out.toString(), err.toString());
    }
}
