package dev.mvlab.engine;

import dev.mvlab.clickhouse.Endpoint;

import dev.mvlab.errors.EngineException;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DockerEngineTest {

    @Test
    void withoutADockerEngineTheErrorSaysWhatToUseInstead() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        assumeFalse(docker, "a Docker engine is available here; this test is for machines without one");
        DockerEngine engine = new DockerEngine(EngineSettings.resolve(Path.of("."), Map.of(), Map.of()));
        assertThatThrownBy(engine::start)
                .isInstanceOf(EngineException.class)
                .hasMessage("no Docker engine could be reached, so the docker engine cannot run")
                .satisfies(e -> assertThat(((EngineException) e).hint()).contains("--engine embedded"));
    }

    @Test
    void urlEngineNeedsAnAddress() {
        assertThatThrownBy(() -> new UrlEngine(EngineSettings.resolve(Path.of("."), Map.of(), Map.of())))
                .isInstanceOf(EngineException.class)
                .hasMessage("the url engine needs a server address");
    }

    @Test
    void urlsParseWithTlsAndDefaultPorts() {
        Endpoint tls = Endpoint.fromUrl("https://example.cloud", "me", "secret");
        assertThat(tls.httpPort()).isEqualTo(8443);
        assertThat(tls.jdbcUrl("db")).isEqualTo("jdbc:clickhouse:https://example.cloud:8443/db?ssl=true");
        assertThat(Endpoint.fromUrl("http://h:1234", null, null).user()).isEqualTo("default");
    }
}
