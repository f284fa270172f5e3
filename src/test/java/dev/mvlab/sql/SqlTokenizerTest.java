package dev.mvlab.sql;

import dev.mvlab.sql.SqlTokenizer.Kind;
import dev.mvlab.sql.SqlTokenizer.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTokenizerTest {
    @Test
    void everyKindWithItsOffsets() {
        List<Token> tokens = SqlTokenizer.scan("SELECT `a b`, 'it''s' -- c\n/* d */ 1.5e3 FROM t");
        assertThat(tokens).extracting(Token::kind).containsExactly(Kind.WORD, Kind.QUOTED, Kind.SYMBOL, Kind.STRING,
                Kind.COMMENT, Kind.COMMENT, Kind.NUMBER, Kind.WORD, Kind.WORD);
        assertThat(tokens.get(1).text()).isEqualTo("a b");
        assertThat(tokens.get(1).offset()).isEqualTo(7);
        assertThat(tokens.get(1).end()).isEqualTo(12);
        assertThat(tokens.get(3).text()).isEqualTo("'it''s'");
        assertThat(tokens.get(6).text()).isEqualTo("1.5e3");
    }

    @Test
    void quotesCommentsAndBracketsInsideStringsAreText() {
        List<Token> tokens = SqlTokenizer.tokenize("SELECT '(; -- not a comment', \"x\\\"y\" FROM `t``u`");
        assertThat(tokens).extracting(Token::text).containsExactly("SELECT", ",", "x\"y", "FROM", "t`u");
        assertThat(tokens.get(2).kind()).isEqualTo(Kind.QUOTED);
    }

    @Test
    void anUnterminatedStringOrCommentIsNotClosed() {
        assertThat(SqlTokenizer.scan("SELECT 'open").get(1).closed()).isFalse();
        assertThat(SqlTokenizer.scan("SELECT 1 /* open").get(2).closed()).isFalse();
        assertThat(SqlTokenizer.scan("SELECT `open").get(1).closed()).isFalse();
        assertThat(SqlTokenizer.scan("SELECT 'a\\'b'").get(1).closed()).isTrue();
    }

    @Test
    void tokenizeKeepsWordsNamesAndSymbolsOnly() {
        assertThat(SqlTokenizer.tokenize("SELECT 1, 'x' # hash comment\nFROM t")).extracting(Token::text)
                .containsExactly("SELECT", ",", "FROM", "t");
        assertThat(SqlTokenizer.tokenize("")).isEmpty();
    }

    @Test
    void tokenHelpers() {
        Token from = SqlTokenizer.scan("from").get(0);
        assertThat(from.isWord("FROM")).isTrue();
        assertThat(from.isIdentifier()).isTrue();
        assertThat(SqlTokenizer.scan("(").get(0).isSymbol('(')).isTrue();
        assertThat(SqlTokenizer.scan("'x'").get(0).isIdentifier()).isFalse();
    }
}
