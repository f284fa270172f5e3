package dev.mvlab.serve;

import java.util.List;

/**
 * One API token: the admin token, or a token named by {@code TOKEN "name" READ|APPEND} lines, which may grant scopes on
 * several pipes and data sources.
 */
public record Token(String name, String value, List<Grant> grants) {

    /** One scope on one resource (a pipe or data source); the admin grant has no resource. */
    public record Grant(TokenScope scope, String resource) {
    }

    public boolean admin() {
        return grants.stream().anyMatch(g -> g.scope() == TokenScope.ADMIN);
    }

    /** True when the token may do {@code scope} on {@code resource}. */
    public boolean allows(TokenScope scope, String resource) {
        return admin() || grants.stream().anyMatch(g -> g.scope() == scope && g.resource().equals(resource));
    }

    /** The resources the token may act on with the scope (all of them for the admin token: null). */
    public List<String> resources(TokenScope scope) {
        return admin() ? null : grants.stream().filter(g -> g.scope() == scope).map(Grant::resource).toList();
    }
}
