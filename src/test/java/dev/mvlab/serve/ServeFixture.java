package dev.mvlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.Project;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project applied to a test database and served on a port the OS chooses, with a client for its API. */
final class ServeFixture implements AutoCloseable {
    static final Path RESOURCES = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath()
            .resolve("src/test/resources/serve");
    static final ObjectMapper JSON = new ObjectMapper();

    final Project project;
    final ApiService service;
    final HttpClient client = HttpClient.newHttpClient();
    final Path stateDir;

    ServeFixture(Database db, Path projectDir) {
        this(db, projectDir, tempDir());
    }

    ServeFixture(Database db, Path projectDir, Path stateDir) {
        this(db, projectDir, stateDir, 1 << 20);
    }

    ServeFixture(Database db, Path projectDir, Path stateDir, long maxBody) {
        this(db, projectDir, new ServeSettings("127.0.0.1", 0, stateDir, maxBody));
    }

    ServeFixture(Database db, Path projectDir, ServeSettings settings) {
        this.project = ProjectLoader.load(projectDir);
        ProjectGraph graph = GraphBuilder.build(project);
        SqlRenderer renderer = new SqlRenderer(new SqlTemplates());
        new Apply(db, renderer).run(graph, db.name(), ApplyOptions.DEFAULT);
        this.stateDir = settings.stateDir();
        this.service = ApiService.start(db, graph, renderer, settings);
    }

    /** The port the server listens on. */
    int port() {
        return URI.create(service.url()).getPort();
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("mvlab-serve-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String admin() {
        return service.adminToken().value();
    }

    String token(String name) {
        return service.tokens().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().value();
    }

    HttpResponse<String> get(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.url() + pathAndQuery));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.GET().build());
    }

    HttpResponse<String> post(String pathAndQuery, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.url() + pathAndQuery));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
