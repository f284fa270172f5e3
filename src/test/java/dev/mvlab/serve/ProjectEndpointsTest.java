package dev.mvlab.serve;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An endpoint's SQL, rendered once per set of parameters and kept: each call still gets its own parameters' SQL. */
class ProjectEndpointsTest {
    private static final ProjectGraph GRAPH = GraphBuilder.build(ProjectLoader.load(ServeFixture.RESOURCES
            .resolve("shop")));

    @Test
    void callsWithOtherParametersGetTheirOwnSqlAndRepeatedCallsTheSame() {
        ProjectEndpoints endpoints = new ProjectEndpoints(GRAPH);
        List<Map<String, List<String>>> calls = List.of(Map.of(), Map.of("customer", List.of("c7")),
                Map.of("customer", List.of("c7"), "limit", List.of("3")), Map.of("limit", List.of("3")),
                Map.of("customer", List.of("c8")));
        List<String> first = new ArrayList<>();
        for (Map<String, List<String>> params : calls) {
            String sql = endpoints.call("customers", new LinkedHashMap<>(params)).sql();
            assertThat(sql).isEqualTo(new ProjectEndpoints(GRAPH).call("customers", params).sql());
            first.add(sql);
        }
        assertThat(first).doesNotHaveDuplicates();
        assertThat(first.get(1)).contains("'c7'").contains("LIMIT toInt32('10')");
        assertThat(first.get(2)).contains("'c7'").contains("LIMIT toInt32('3')");
        for (int round = 0; round < 3; round++) {
            for (int i = calls.size() - 1; i >= 0; i--) {
                assertThat(endpoints.call("customers", new LinkedHashMap<>(calls.get(i))).sql()).isEqualTo(first.get(i));
            }
        }
    }

    @Test
    void aParameterListChangedAfterTheCallDoesNotChangeWhatIsKept() {
        ProjectEndpoints endpoints = new ProjectEndpoints(GRAPH);
        List<String> customer = new ArrayList<>(List.of("c1"));
        Map<String, List<String>> params = new LinkedHashMap<>(Map.of("customer", customer));
        String c1 = endpoints.call("customers", params).sql();
        customer.set(0, "c2");
        assertThat(endpoints.call("customers", params).sql()).contains("'c2'").doesNotContain("'c1'");
        assertThat(endpoints.call("customers", Map.of("customer", List.of("c1"))).sql()).isEqualTo(c1);
    }

    @Test
    void aRefusedCallIsRefusedEveryTimeAndNothingIsKeptForIt() {
        ProjectEndpoints endpoints = new ProjectEndpoints(GRAPH);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> endpoints.call("customers", Map.of("limit", List.of("many"))))
                    .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).status())
                            .isEqualTo(400));
            assertThatThrownBy(() -> endpoints.call("nope", Map.of())).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
        }
    }
}
