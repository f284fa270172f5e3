package dev.mvlab.serve;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The file a running {@code mvlab serve} leaves in {@code .mvlab/serve/serve.json} (its pid, URL and database), so
 * that a second {@code serve} finds it and {@code serve stop} can stop it.
 */
public record RunningServer(long pid, String url, String database) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path file(ServeSettings settings) {
        return settings.stateDir().resolve("serve.json");
    }

    /** The server recorded in the state folder, when its process still lives and answers. */
    public static Optional<RunningServer> find(ServeSettings settings) {
        Path file = file(settings);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RunningServer server = JSON.readValue(file.toFile(), RunningServer.class);
            boolean alive = ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false);
            return alive && server.answers() ? Optional.of(server) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(ServeSettings settings) {
        try {
            Files.createDirectories(settings.stateDir());
            JSON.writeValue(file(settings).toFile(), this);
        } catch (IOException e) {
            // without the file, a second serve cannot find this one; serving still works
        }
    }

    public static void forget(ServeSettings settings, long pid) {
        Path file = file(settings);
        try {
            if (Files.isRegularFile(file) && JSON.readValue(file.toFile(), RunningServer.class).pid() == pid) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // best effort
        }
    }

    /** Asks the process to stop (SIGTERM: it finishes queued inserts) and waits for it; true when it ended. */
    public boolean stop(Duration wait) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        process.get().destroy();
        try {
            process.get().onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.get().isAlive();
        }
    }

    boolean answers() {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/v0/health")).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
