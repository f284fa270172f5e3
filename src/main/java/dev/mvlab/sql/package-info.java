/**
 * The one home of SQL-text scanning: {@link dev.mvlab.sql.SqlTokenizer} (strings, quoted names, comments, brackets),
 * {@link dev.mvlab.sql.SqlShape} (what a piece of SQL is: one statement, balanced, a list of expressions, settings),
 * {@link dev.mvlab.sql.SqlScript} (a script split into its statements) and {@link dev.mvlab.sql.SqlLiterals} (the one
 * escaper of string literals and names). Not a SQL parser: ClickHouse has the last word.
 */
package dev.mvlab.sql;
