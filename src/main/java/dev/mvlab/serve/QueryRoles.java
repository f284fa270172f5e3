package dev.mvlab.serve;

import dev.mvlab.clickhouse.HttpQueries;
import dev.mvlab.engine.host.ServeRoles;
import dev.mvlab.sql.SqlLiterals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The ClickHouse roles serve's queries run under (sent as the HTTP {@code role} parameter; see {@link ServeRoles}).
 * On mvlab's embedded engine: queries run as the role of the project's database alone (or, for a database created
 * after the engine started, the role of every user database), and are analysed under a role that reads nothing. On
 * another ClickHouse (a server, Docker, a URL) those roles do not exist: queries run as the connection's user and only
 * serve's own checks hold.
 *
 * @param execution the role queries run under, or null
 * @param analysis  the role queries are analysed under before serve checks them, or null
 */
public record QueryRoles(String execution, String analysis, Confinement confinement) {
    /** How far ClickHouse's own grants confine serve's queries. */
    public enum Confinement {
        /** To the project's database. */
        DATABASE,
        /** To databases other than ClickHouse's own (the engine started before the database existed). */
        USER_DATABASES,
        /** Not at all: serve's own checks only. */
        NONE
    }

    public static final QueryRoles NONE = new QueryRoles(null, null, Confinement.NONE);

    /** Asks the engine which of serve's roles exist. */
    public static QueryRoles detect(HttpQueries http, String database) {
        String own = ServeRoles.forDatabase(database);
        String sql = "SELECT name FROM system.roles WHERE name IN (" + SqlLiterals.string(own) + ", "
                + SqlLiterals.string(ServeRoles.ANY_DATABASE) + ", " + SqlLiterals.string(ServeRoles.ANALYZE)
                + ") FORMAT TSVRaw";
        try {
            HttpQueries.Answer answer = http.query(database, sql, Map.of("readonly", "2"));
            if (!answer.ok()) {
                return NONE;
            }
            List<String> roles = new String(answer.body(), StandardCharsets.UTF_8).lines().toList();
            if (!roles.contains(ServeRoles.ANALYZE)) {
                return NONE;
            }
            if (roles.contains(own)) {
                return new QueryRoles(own, ServeRoles.ANALYZE, Confinement.DATABASE);
            }
            if (roles.contains(ServeRoles.ANY_DATABASE)) {
                return new QueryRoles(ServeRoles.ANY_DATABASE, ServeRoles.ANALYZE, Confinement.USER_DATABASES);
            }
            return NONE;
        } catch (IOException e) {
            return NONE;
        }
    }

    /** The role an admin token's query is analysed under: its own database's role reads nothing it may not read. */
    String adminAnalysis() {
        return confinement == Confinement.DATABASE ? execution : analysis;
    }

    /** One line for the user: what ClickHouse itself lets serve's queries read. */
    public String describe(String database) {
        return switch (confinement) {
            case DATABASE -> "queries run as ClickHouse role " + execution + ": SELECT on database " + database
                    + " only";
            case USER_DATABASES -> "queries run as ClickHouse role " + execution + ": SELECT on user databases (no "
                    + "system tables, files or URLs); database " + database + " is newer than the engine: restart it "
                    + "('mvlab engine stop', then serve again) to confine serve to " + database + " alone";
            case NONE -> "this engine has no mvlab roles: serve's queries run as the connection's user, confined by "
                    + "serve's own checks only";
        };
    }
}
