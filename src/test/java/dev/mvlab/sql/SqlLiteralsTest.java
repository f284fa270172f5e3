package dev.mvlab.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18, item 2: string literals and names are escaped in one place, and neither can end early. */
class SqlLiteralsTest {
    @Test
    void aStringLiteralEscapesBackslashesAndQuotes() {
        assertThat(SqlLiterals.string("it's \\' ok")).isEqualTo("'it\\'s \\\\\\' ok'");
    }

    @Test
    void aPlainNameStaysBareAndAnyOtherIsBackquotedWithItsBackquotesEscaped() {
        assertThat(SqlLiterals.identifier("events_2")).isEqualTo("events_2");
        assertThat(SqlLiterals.identifier("2events")).isEqualTo("`2events`");
        assertThat(SqlLiterals.identifier("a`; DROP TABLE x; --\\")).isEqualTo("`a\\`; DROP TABLE x; --\\\\`");
        assertThat(SqlLiterals.backquoted("plain")).isEqualTo("`plain`");
    }
}
