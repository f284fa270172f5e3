package dev.mvlab.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every render Tinybird's own engine was observed to make (template, request parameters, SQL or error; see
 * {@code template/probes.jsonl}) is made the same way here, whitespace-insensitively.
 */
class TinybirdProbesTest {

    static Stream<Arguments> probes() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = TinybirdProbesTest.class.getResourceAsStream("/template/probes.jsonl")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    JsonNode probe = mapper.readTree(lines[i]);
                    cases.add(Arguments.of(i + 1, probe.get("topic").asText(), probe));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("probes")
    void rendersAsTinybirdDoes(int line, String topic, JsonNode probe) {
        Map<String, String> params = new LinkedHashMap<>();
        probe.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        String template = "%" + probe.get("template").asText();
        String description = "probe line " + line + ": " + probe.get("template").asText() + " with " + params;
        try {
            String sql = Templates.parse(template, null).render(ParameterValues.of(params), Secrets.none());
            if (probe.has("expected_error")) {
                fail(description + ": expected error " + probe.get("expected_error").asText() + " but got SQL "
                        + sql);
            }
            assertThat(collapse(sql)).as(description).isEqualTo(collapse(probe.get("expected_sql").asText()));
        } catch (TemplateException e) {
            if (!probe.has("expected_error")) {
                fail(description + ": expected SQL " + probe.get("expected_sql").asText() + " but got error "
                        + e.tinybirdError());
            }
            assertThat(e.tinybirdError()).as(description).isEqualTo(probe.get("expected_error").asText());
        }
    }

    static String collapse(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }
}
