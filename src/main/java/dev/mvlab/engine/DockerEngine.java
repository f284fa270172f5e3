package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;

import dev.mvlab.errors.EngineException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;

import java.nio.file.Path;
import java.util.Optional;

/**
 * ClickHouse in Docker through Testcontainers' ClickHouse module, for users with a Docker engine. The container is
 * reusable across mvlab commands when {@code testcontainers.reuse.enable=true} is set in
 * {@code ~/.testcontainers.properties}; otherwise it lives as long as the JVM that started it (as in tests).
 */
public final class DockerEngine implements EngineRuntime {
    public static final String IMAGE = "clickhouse/clickhouse-server:26.7";
    private static ClickHouseContainer container;

    public DockerEngine(EngineSettings settings) {
        // settings are not needed: Docker chooses the ports and keeps the data in the container
    }

    @Override
    public EngineProvider provider() {
        return EngineProvider.DOCKER;
    }

    private static void requireDocker() {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            available = false;
        }
        if (!available) {
            throw new EngineException("no Docker engine could be reached, so the docker engine cannot run",
                    "start Docker (docker info must answer), or use --engine embedded, clickhouse-binary or url");
        }
    }

    @Override
    public synchronized EngineStatus start() {
        requireDocker();
        if (container == null || !container.isRunning()) {
            container = new ClickHouseContainer(IMAGE).withReuse(true).withLabel("mvlab", "engine");
            container.start();
        }
        return status();
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public synchronized EngineStatus status() {
        if (container == null || !container.isRunning()) {
            return EngineStatus.stopped(provider(), null, "no container started by this process");
        }
        Endpoint endpoint = endpoint().orElseThrow();
        return new EngineStatus(provider(), true, null, endpoint, container.getMappedPort(9000), null, null, null,
                "container " + container.getContainerId());
    }

    @Override
    public synchronized Optional<Endpoint> endpoint() {
        if (container == null || !container.isRunning()) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(container.getHost(), container.getMappedPort(8123), false,
                container.getUsername(), container.getPassword()));
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.empty();
    }
}
