package dev.mvlab.lesson;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.StreamOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A manifest takes the values the command line takes: both parse through {@link dev.mvlab.units.Quantities}. */
class GeneratorOptionsTest {
    private static StreamOptions stream(Map<String, String> options) {
        return new GeneratorOptions(options, GeneratorOptions.EVENTS).stream(42);
    }

    @Test
    void aManifestTakesMillisecondsAndFractionalHoursAsTheCommandLineDoes() {
        assertThat(stream(Map.of("max_lateness", "500ms")).maxLateness()).isEqualTo(Duration.ofMillis(500));
        assertThat(stream(Map.of("max_lateness", "1.5h")).maxLateness()).isEqualTo(Duration.ofMinutes(90));
        assertThat(stream(Map.of("duplicates", "5%", "late", "0.1")).duplicateShare()).isEqualTo(0.05);
    }

    @Test
    void aBadValueNamesTheOptionAndSaysWhatWouldDo() {
        assertThatThrownBy(() -> stream(Map.of("max_lateness", "later"))).isInstanceOf(MvlabException.class)
                .hasMessage("generator option max_lateness: 'later' is not a duration such as 500ms, 90s, 10m, 1.5h"
                        + " or 1d");
        assertThatThrownBy(() -> stream(Map.of("start", "2024-13-01"))).isInstanceOf(MvlabException.class)
                .hasMessageStartingWith("generator option start: '2024-13-01' is not a date");
    }

    @Test
    void withoutABatchSizeTheEventsGoInOneInsertUpToTheLargestInsertAndAGivenSizeIsChecked() {
        GeneratorOptions none = new GeneratorOptions(Map.of(), GeneratorOptions.EVENTS);
        assertThat(none.batchSize(5_000_000)).isEqualTo(5_000_000);
        // lesson 3 run with --events 20000000 stopped with an internal error here
        assertThat(none.batchSize(20_000_000)).isEqualTo(10_000_000);
        assertThat(none.batchSize(0)).isEqualTo(1);
        assertThat(new GeneratorOptions(Map.of("batch_size", "10_000"), GeneratorOptions.EVENTS).batchSize(30_000))
                .isEqualTo(10_000);
        assertThatThrownBy(() -> new GeneratorOptions(Map.of("batch_size", "20000000"), GeneratorOptions.EVENTS)
                .batchSize(30_000)).isInstanceOf(MvlabException.class)
                .hasMessage("generator option batch_size: 20000000 is not between 1 and 10000000");
        assertThatThrownBy(() -> new GeneratorOptions(Map.of("batch_size", "0"), GeneratorOptions.EVENTS)
                .batchSize(30_000)).isInstanceOf(MvlabException.class)
                .hasMessage("generator option batch_size: 0 is not between 1 and 10000000");
    }
}
