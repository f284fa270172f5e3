package dev.mvlab.errors;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTest {
    @Test
    void distanceCountsEdits() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }

    @Test
    void theClosestCloseEnoughCandidateIgnoringCase() {
        assertThat(Suggestions.closest("evnts", List.of("products", "Events", "evens_x"))).contains("Events");
        assertThat(Suggestions.closest("run", List.of("rnu", "list"))).contains("rnu");
        assertThat(Suggestions.closest("zzzzzz", List.of("events"))).isEmpty();
    }
}
