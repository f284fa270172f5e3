package dev.mvlab.engine;

import dev.mvlab.errors.EngineException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine provider is read once, from the setting, into its enum; each provider's runtime says it is it. */
class EngineProviderTest {
    @Test
    void namesAndTheBinaryAliasAreRead() {
        assertThat(EngineProvider.parse("embedded")).isEqualTo(EngineProvider.EMBEDDED);
        assertThat(EngineProvider.parse(" Clickhouse-Binary ")).isEqualTo(EngineProvider.CLICKHOUSE_BINARY);
        assertThat(EngineProvider.parse("binary")).isEqualTo(EngineProvider.CLICKHOUSE_BINARY);
        assertThat(EngineProvider.parse("URL")).isEqualTo(EngineProvider.URL);
        assertThat(EngineProvider.CLICKHOUSE_BINARY).hasToString("clickhouse-binary");
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> EngineProvider.parse("clickhouse_binary")).isInstanceOf(EngineException.class)
                .hasMessage("unknown engine 'clickhouse_binary'")
                .satisfies(e -> assertThat(((EngineException) e).hint())
                        .isEqualTo("choose one of: auto, embedded, clickhouse-binary, docker, url"));
    }

    @Test
    void theSettingChoosesTheRuntime(@org.junit.jupiter.api.io.TempDir Path project) {
        for (EngineProvider provider : new EngineProvider[]{EngineProvider.EMBEDDED, EngineProvider.CLICKHOUSE_BINARY,
                EngineProvider.URL}) {
            EngineSettings settings = EngineSettings.resolve(project, Map.of("engine", provider.text(),
                    "url", "http://127.0.0.1:1", "home", project.resolve("home").toString()), Map.of());
            assertThat(settings.provider()).isEqualTo(provider);
            assertThat(Engines.create(settings).provider()).isEqualTo(provider);
        }
    }
}
