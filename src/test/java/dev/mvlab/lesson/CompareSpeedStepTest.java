package dev.mvlab.lesson;

import dev.mvlab.clickhouse.QueryStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompareSpeedStepTest {

    @Test
    void theQueriesRunInTurnsAfterOneWarmUpEachSoThatABusyMomentSlowsEverySideOfARound() {
        List<String> order = new ArrayList<>();
        List<List<QueryStats>> runs = CompareSpeedStep.inTurns(List.of("mv", "raw", "SELECT 1"), 3, sql -> {
            order.add(sql);
            return new QueryStats(order.size(), 0, 0, Duration.ofMillis(order.size()));
        });

        assertThat(order).containsExactly("mv", "raw", "SELECT 1", "mv", "raw", "SELECT 1", "mv", "raw", "SELECT 1",
                "mv", "raw", "SELECT 1");
        // the warm-ups (calls 1-3) are not among the measured runs
        assertThat(runs).hasSize(3);
        assertThat(runs.get(0)).extracting(QueryStats::readRows).containsExactly(4L, 7L, 10L);
        assertThat(runs.get(1)).extracting(QueryStats::readRows).containsExactly(5L, 8L, 11L);
        assertThat(runs.get(2)).extracting(QueryStats::readRows).containsExactly(6L, 9L, 12L);
    }
}
