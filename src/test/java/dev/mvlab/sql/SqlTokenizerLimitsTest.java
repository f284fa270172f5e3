package dev.mvlab.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tokenizer's limits: SQL that would overflow a walker's stack or the heap is refused up front. */
class SqlTokenizerLimitsTest {

    @Test
    void nestingUpToClickHousesParserDepthIsRead() {
        String sql = "SELECT " + "(".repeat(SqlTokenizer.MAX_DEPTH) + "1" + ")".repeat(SqlTokenizer.MAX_DEPTH);
        assertThat(SqlTokenizer.tokenize(sql)).hasSize(1 + 2 * SqlTokenizer.MAX_DEPTH);
    }

    @Test
    void deeperNestingIsRefused() {
        assertThatThrownBy(() -> SqlTokenizer.scan("SELECT " + "(".repeat(100_000)))
                .isInstanceOf(SqlTooComplexException.class).hasMessageContaining("deeper than 1000");
        assertThatThrownBy(() -> SqlTokenizer.scan("SELECT " + "[".repeat(SqlTokenizer.MAX_DEPTH + 1)))
                .isInstanceOf(SqlTooComplexException.class);
    }

    @Test
    void parenthesesInStringsAndCommentsDoNotCount() {
        String sql = "SELECT '" + "(".repeat(5000) + "' /* " + "(".repeat(5000) + " */";
        assertThat(SqlTokenizer.tokenize(sql)).hasSize(1);
    }

    @Test
    void longSqlIsRefusedAndLeadingSpacesAreFine() {
        assertThatThrownBy(() -> SqlTokenizer.scan(" ".repeat(SqlTokenizer.MAX_LENGTH + 1)))
                .isInstanceOf(SqlTooComplexException.class).hasMessageContaining("characters long");
        assertThat(SqlTokenizer.tokenize(" ".repeat(200_000) + "SELECT 1")).hasSize(1);
    }
}
