package dev.mvlab.sql;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SqlShapeTest {
    @Test
    void aQueryIsOneStatement() {
        assertThat(SqlShape.query("SELECT 1;", false)).isEmpty();
        assertThat(SqlShape.query("SELECT ';' -- ; DROP\n", false)).isEmpty();
        Optional<SqlShape.Problem> two = SqlShape.query("SELECT 1; DROP TABLE t", false);
        assertThat(two).get().extracting(SqlShape.Problem::offset).isEqualTo(8);
        assertThat(two.get().reason()).contains("`DROP` starts another");
    }

    @Test
    void bracketsBalanceExceptInTemplates() {
        assertThat(SqlShape.query("SELECT (1", false)).get().extracting(SqlShape.Problem::reason)
                .isEqualTo("`(` in the query is never closed");
        assertThat(SqlShape.query("SELECT 1)", false)).get().extracting(SqlShape.Problem::reason)
                .isEqualTo("`)` in the query has no matching `(`");
        assertThat(SqlShape.query("SELECT (1", true)).isEmpty();
    }

    @Test
    void anExpressionCannotEndItsClause() {
        assertThat(SqlShape.expression("action, toDate(timestamp)", "ENGINE_SORTING_KEY", Set.of())).isEmpty();
        assertThat(SqlShape.expression("order", "ENGINE_SORTING_KEY", Set.of())).isEmpty();
        assertThat(SqlShape.expression("set(100)", "ENGINE_SORTING_KEY", Set.of())).isEmpty();
        assertThat(SqlShape.expression("ts) SETTINGS x = 1", "ENGINE_SORTING_KEY", Set.of())).isPresent();
        assertThat(SqlShape.expression("ts SETTINGS x = 1", "ENGINE_SORTING_KEY", Set.of())).get()
                .extracting(SqlShape.Problem::reason).asString().startsWith("`SETTINGS` in ENGINE_SORTING_KEY");
        assertThat(SqlShape.expression("a -- c", "K", Set.of())).get().extracting(SqlShape.Problem::reason)
                .asString().startsWith("a comment");
        assertThat(SqlShape.expression("a; DROP", "K", Set.of())).isPresent();
        assertThat(SqlShape.expression("(SELECT 1)", "K", Set.of())).isPresent();
        assertThat(SqlShape.expression("'open", "K", Set.of())).get().extracting(SqlShape.Problem::reason)
                .isEqualTo("unterminated string in K");
    }

    @Test
    void aTtlTakesItsOwnWords() {
        String ttl = "ts + INTERVAL 1 DAY DELETE WHERE x = 1";
        assertThat(SqlShape.expression(ttl, "ENGINE_TTL", SqlShape.TTL_WORDS)).isEmpty();
        assertThat(SqlShape.expression(ttl, "ENGINE_SORTING_KEY", Set.of())).isPresent();
    }

    @Test
    void settingsAreNameEqualsLiteralPairs() {
        assertThat(SqlShape.settings("index_granularity = 8192, merge_with_ttl_timeout = -1, x = 'a'", "S"))
                .isEmpty();
        assertThat(SqlShape.settings("index_granularity 8192", "S")).get().extracting(SqlShape.Problem::reason)
                .asString().startsWith("expected `=` after setting `index_granularity`");
        assertThat(SqlShape.settings("a = (1)", "S")).isPresent();
        assertThat(SqlShape.settings("a = 1 b = 2", "S")).isPresent();
    }

    @Test
    void nestingIsBounded() {
        String deep = "(".repeat(SqlShape.MAX_NESTING + 1) + ")".repeat(SqlShape.MAX_NESTING + 1);
        assertThat(SqlShape.nesting(deep)).get().extracting(SqlShape.Problem::offset)
                .isEqualTo(SqlShape.MAX_NESTING);
        String fine = "(".repeat(SqlShape.MAX_NESTING) + ")".repeat(SqlShape.MAX_NESTING);
        assertThat(SqlShape.nesting(fine)).isEmpty();
    }
}
