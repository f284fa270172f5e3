package dev.mvlab.safety;

import dev.mvlab.cli.Main;
import dev.mvlab.engine.Endpoint;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One mvlab command run in this JVM on a project and a database of the test engine: its exit code and output. */
record CommandRun(int code, String out, String err) {

    static CommandRun mvlab(Path project, Endpoint endpoint, String database, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", project.toString(), "--engine", "url", "--url", endpoint.httpUrl(), "-d",
                database));
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new CommandRun(code, out.toString(), err.toString());
    }
}
