package dev.mvlab.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mvlab serve} in a JVM of its own, as users run it (the launcher's JVM options: {@code MVLAB_JAVA_OPTS}, else
 * {@code -Xmx512m}), so that the single-event posts measure the server, not a JVM it shares with the load client and
 * the generated events. Started with this JVM's class path; its output goes to a log file, from which the address
 * and the admin token are read.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("(?m)^serving .* at (http://\\S+), ready in");
    private static final Pattern ADMIN = Pattern.compile("(?m)^\\s+token admin token\\s+(\\S+)\\s*$");
    private static final String DEFAULT_JVM_OPTIONS = "-Xmx512m";

    private final Process process;
    private final String url;
    private final String adminToken;
    private final String jvmOptions;
    private final Path log;

    /** Stops the server when the bench is interrupted (Ctrl-C) before it closes it. */
    private final Thread stopOnExit;

    private ServeProcess(Process process, String url, String adminToken, String jvmOptions, Path log) {
        this.process = process;
        this.log = log;
        this.stopOnExit = new Thread(process::destroy, "mvlab-bench-serve-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        this.url = url;
        this.adminToken = adminToken;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Starts {@code mvlab serve --port 0 -d database} with {@code serveArguments} (the project and engine options of
     * the bench) and waits until it serves; empty, with the reason in {@code why}, when it did not within {@code
     * timeout} (e.g. a {@code mvlab serve} of the project runs already): the caller measures in its own JVM then.
     */
    public static Optional<ServeProcess> start(String database, List<String> serveArguments, Path log,
                                               Duration timeout, StringBuilder why) {
        String options = Optional.ofNullable(System.getenv("MVLAB_JAVA_OPTS")).filter(o -> !o.isBlank())
                .orElse(DEFAULT_JVM_OPTIONS);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(options.trim().split("\\s+")));
        command.addAll(List.of("-cp", absoluteClassPath(), "dev.mvlab.cli.Main", "serve", "--port", "0", "-d",
                database));
        command.addAll(serveArguments);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            why.append("cannot start mvlab serve: ").append(e.getMessage());
            return Optional.empty();
        }
        Thread stopIfInterrupted = new Thread(process::destroy, "mvlab-bench-serve-start");
        Runtime.getRuntime().addShutdownHook(stopIfInterrupted);
        try {
            return await(process, log, timeout, options, why);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopIfInterrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static Optional<ServeProcess> await(Process process, Path log, Duration timeout, String options,
                                                StringBuilder why) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String output = read(log);
            Matcher serving = SERVING.matcher(output);
            Matcher admin = ADMIN.matcher(output);
            if (serving.find() && admin.find()) {
                return Optional.of(new ServeProcess(process, serving.group(1), admin.group(1), options, log));
            }
            if (!process.isAlive()) {
                why.append("mvlab serve ended: ").append(lastLines(output));
                return Optional.empty();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop(process);
        why.append("mvlab serve did not serve within ").append(timeout.toSeconds()).append(" s: ")
                .append(lastLines(read(log)));
        return Optional.empty();
    }

    public String url() {
        return url;
    }

    public String adminToken() {
        return adminToken;
    }

    /** The serve process's CPU time (Linux), or {@link CpuClock#UNKNOWN}. */
    public CpuClock cpu() {
        return CpuClock.linuxProcess(process.pid());
    }

    /** What ran the server, for the report: its JVM options. */
    public String describe() {
        return "mvlab serve in its own JVM (" + jvmOptions + ")";
    }

    /** Stops the server (SIGTERM: it sends what is queued, then ends); its log goes (it prints the tokens). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        stop(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a log left in the bench's work folder
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLines(String output) {
        String[] lines = output.strip().split("\n");
        return String.join(" | ", Arrays.asList(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }

    /** This JVM's class path with every entry absolute (the child may resolve them from another folder). */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }
}
