package dev.mvlab.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When verdicts are coloured: on a terminal, never with NO_COLOR or TERM=dumb, never when piped. */
class TerminalTest {
    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertThat(Terminal.colour(true, Map.of())).isTrue();
        assertThat(Terminal.colour(true, Map.of("TERM", "xterm-256color"))).isTrue();
        assertThat(Terminal.colour(false, Map.of())).isFalse();
        assertThat(Terminal.colour(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(Terminal.colour(true, Map.of("NO_COLOR", ""))).isTrue();
        assertThat(Terminal.colour(true, Map.of("TERM", "dumb"))).isFalse();
    }

    @Test
    void verdictsArePainted() {
        assertThat(VerdictColours.paint("shop_rules: MATCH (expected MATCH, as expected)"))
                .isEqualTo("shop_rules: \u001B[32mMATCH\u001B[0m (expected \u001B[32mMATCH\u001B[0m, as expected)");
        assertThat(VerdictColours.paint("x  DRIFT  MATCH  UNEXPECTED")).contains("\u001B[31mDRIFT\u001B[0m")
                .contains("\u001B[1mUNEXPECTED\u001B[0m");
        assertThat(VerdictColours.paint("MATCHES nothing")).isEqualTo("MATCHES nothing");
    }

    @Test
    void proseIsWrappedToTheWidthWithListItemsHanging() {
        String text = "- " + "word ".repeat(30);
        assertThat(TextWrap.lines(text, "  ", 40)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40))
                .element(1).asString().startsWith("    word");
    }
}
