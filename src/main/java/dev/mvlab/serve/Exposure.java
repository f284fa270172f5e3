package dev.mvlab.serve;

import dev.mvlab.serve.door.HostNames;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code mvlab serve} exposes when it listens off loopback: each route, the token it needs, which tokens of the
 * project can use it, and the host names the door answers to. Printed at startup so the user sees it all.
 */
public final class Exposure {
    private Exposure() {
    }

    public static List<String> describe(String url, HostNames hosts, List<Token> tokens) {
        List<String> lines = new ArrayList<>();
        lines.add("warning: " + url + " is reachable from other machines. It exposes:");
        lines.add("  GET  /, /v0/health                    no token: answers {\"status\":\"ok\"}");
        lines.add("  POST /v0/events?name=DS               a token with APPEND on DS: " + names(tokens,
                TokenScope.APPEND));
        lines.add("  GET|POST /v0/pipes/NAME.{json,csv,ndjson,parquet}  a token with READ on NAME: " + names(tokens,
                TokenScope.READ));
        lines.add("  GET|POST /v0/sql                      a READ token (its data sources only) or the admin token");
        lines.add("  GET  /v0/datasources, /v0/pipes       any token (lists what that token may use)");
        lines.add("  GET  /v0/tokens                       the admin token (lists every token's value)");
        lines.add("  GET  /tokens                          NOT to other machines: loopback clients only");
        lines.add("  Host names answered: " + String.join(", ", hosts.names()) + " (add one with --allow-host)");
        lines.add("  Anyone holding a token can use it from any machine and any web page (CORS, like Tinybird).");
        return lines;
    }

    private static String names(List<Token> tokens, TokenScope scope) {
        String named = tokens.stream().filter(t -> !t.admin() && t.grants().stream().anyMatch(g -> g.scope() == scope))
                .map(t -> "'" + t.name() + "' (" + t.grants().stream().filter(g -> g.scope() == scope)
                        .map(Token.Grant::resource).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
        return named.isEmpty() ? "the admin token only" : named + " and the admin token";
    }
}
