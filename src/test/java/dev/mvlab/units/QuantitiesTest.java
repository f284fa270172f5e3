package dev.mvlab.units;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantitiesTest {
    @Test
    void durationsTakeEveryUnitFractionsAndIso() {
        assertThat(Quantities.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Quantities.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Quantities.duration(" 10M ")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Quantities.duration("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Quantities.duration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Quantities.duration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Quantities.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aDurationThatIsNotOneSaysWhatWouldBe() {
        assertThatThrownBy(() -> Quantities.duration("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'soon' is not a duration such as 500ms, 90s, 10m, 1.5h or 1d");
        assertThatThrownBy(() -> Quantities.duration("-5s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantities.duration("PT-5S")).hasMessage("'PT-5S' is a negative duration");
        assertThatThrownBy(() -> Quantities.duration("99999999999999999999d")).hasMessageContaining("too long");
    }

    @Test
    void sharesArePercentOrFractionBetweenZeroAndOne() {
        assertThat(Quantities.share("2%")).isEqualTo(0.02);
        assertThat(Quantities.share("0.05")).isEqualTo(0.05);
        assertThat(Quantities.share("0")).isZero();
        assertThatThrownBy(() -> Quantities.share("lots")).hasMessage("'lots' is not a share such as 0.05 or 5%");
        assertThatThrownBy(() -> Quantities.share("150%")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> Quantities.share("NaN")).hasMessageContaining("between 0 and 1");
    }

    @Test
    void dateTimesTakeATOrASpaceOrADate() {
        LocalDateTime six = LocalDateTime.of(2024, 9, 19, 6, 0);
        assertThat(Quantities.dateTime("2024-09-19T06:00:00")).isEqualTo(six);
        assertThat(Quantities.dateTime("2024-09-19 06:00:00")).isEqualTo(six);
        assertThat(Quantities.dateTime("2024-09-19")).isEqualTo(six.withHour(0));
        assertThatThrownBy(() -> Quantities.dateTime("yesterday")).hasMessageContaining("'yesterday' is not a date");
    }
}
