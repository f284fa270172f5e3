/**
 * The one home of SQL-text scanning: {@link dev.mvlab.sql.SqlTokenizer} (strings, quoted names, comments, brackets)
 * and {@link dev.mvlab.sql.SqlShape} (what a piece of SQL is: one statement, balanced, a list of expressions; a script
 * split into its statements). Not a SQL parser: ClickHouse has the last word.
 */
package dev.mvlab.sql;
