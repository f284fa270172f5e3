package dev.mvlab.sql;

import dev.mvlab.sql.SqlScript.Statement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptTest {
    @Test
    void splitsAtSemicolonsOutsideStringsNamesAndComments() {
        String script = "CREATE TABLE `a;b` (x String DEFAULT ';');\n-- a comment; still one\n"
                + "INSERT INTO t VALUES ('it''s; fine') /* ; */;\n\nSELECT 1";
        assertThat(SqlScript.split(script)).containsExactly(
                new Statement("CREATE TABLE `a;b` (x String DEFAULT ';')", 0),
                new Statement("-- a comment; still one\nINSERT INTO t VALUES ('it''s; fine') /* ; */", 1),
                new Statement("SELECT 1", 4));
    }

    @Test
    void emptyStatementsAndCommentOnlyTailsAreLeftOut() {
        assertThat(SqlScript.split(";;  \n;")).isEmpty();
        assertThat(SqlScript.split("SELECT 1;\n-- the end\n")).containsExactly(new Statement("SELECT 1", 0));
        assertThat(SqlScript.split("")).isEmpty();
    }

    @Test
    void anUnterminatedStringRunsToTheEnd() {
        assertThat(SqlScript.split("SELECT 'a; b")).containsExactly(new Statement("SELECT 'a; b", 0));
    }
}
