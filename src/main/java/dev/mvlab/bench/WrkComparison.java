package dev.mvlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same single-event posts sent by {@code wrk} (C, epoll, one pre-built request), when it is on the PATH, to check
 * that {@link LoadClients} is not the bottleneck: both run against the same server, the same body and token, with the
 * same number of connections. wrk is not a dependency: without it the comparison is skipped and says why.
 */
public final class WrkComparison {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("(?m)^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$");

    /** What wrk measured. */
    public record Figures(double perSecond, double p50, double p99) {
    }

    private WrkComparison() {
    }

    /** The wrk command, when one is on the PATH (or named by {@code MVLAB_WRK}). */
    public static Optional<Path> find() {
        String named = System.getenv("MVLAB_WRK");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code wrk -t2 -c<connections> -d<seconds>s --latency} (one thread for an odd number) posting {@code body} to {@code uri} with the
     * {@code Authorization} header; its Lua script is written into {@code workDir}.
     */
    public static Figures run(Path wrk, Path workDir, String uri, String authorization, byte[] body, int connections,
                              Duration duration) {
        try {
            Files.createDirectories(workDir);
            Path script = workDir.resolve("single-event-post.lua");
            Files.writeString(script, luaScript(authorization, new String(body, StandardCharsets.UTF_8)));
            // wrk gives each thread connections/threads connections (rounded down): two threads only for an even number
            int threads = connections % 2 == 0 ? 2 : 1;
            List<String> command = new ArrayList<>(List.of(wrk.toString(), "-t" + threads, "-c" + connections,
                    "-d" + Math.max(1, duration.toSeconds()) + "s", "--latency", "-s", script.toString(), uri));
            Path output = workDir.resolve("wrk-output.txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not end in time");
            }
            return parse(Files.readString(output));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + wrk + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran", e);
        }
    }

    /** The request rate and the 50th and 99th percentiles (ms) of wrk's {@code --latency} report. */
    static Figures parse(String output) {
        Matcher rate = RATE.matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("wrk printed no request rate:\n" + output.strip());
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000;
                default -> 1;
            };
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        return new Figures(Double.parseDouble(rate.group(1)), p50, p99);
    }

    static String luaScript(String authorization, String body) {
        return "wrk.method = \"POST\"\n"
                + "wrk.headers[\"Authorization\"] = " + luaString(authorization) + "\n"
                + "wrk.headers[\"Content-Type\"] = \"application/x-ndjson\"\n"
                + "wrk.body = " + luaString(body) + "\n";
    }

    private static String luaString(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
