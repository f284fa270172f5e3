package dev.mvlab.serve.door;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The door's rules that the user can change.
 *
 * @param allowedHosts    names accepted in {@code Host} besides the addresses serve listens on ({@code --allow-host})
 * @param queryTimeout    the longest a query may run; the client cannot lift it
 * @param queriesPerToken how many queries one token may run at once; more get 429
 * @param loopback        which client addresses count as this machine (tests narrow it; normally the loopback range)
 */
public record DoorSettings(List<String> allowedHosts, Duration queryTimeout, int queriesPerToken,
                           Predicate<InetAddress> loopback) {
    public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 30;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(DEFAULT_QUERY_TIMEOUT_SECONDS);
    public static final int DEFAULT_QUERIES_PER_TOKEN = 8;
    public static final DoorSettings DEFAULT = new DoorSettings(List.of(), DEFAULT_QUERY_TIMEOUT,
            DEFAULT_QUERIES_PER_TOKEN, InetAddress::isLoopbackAddress);

    public DoorSettings {
        allowedHosts = List.copyOf(allowedHosts);
        if (queriesPerToken < 1) {
            throw new IllegalArgumentException("queries per token must be at least 1");
        }
    }

    public DoorSettings withAllowedHosts(List<String> names) {
        return new DoorSettings(names, queryTimeout, queriesPerToken, loopback);
    }

    public DoorSettings withQueryTimeout(Duration timeout) {
        return new DoorSettings(allowedHosts, timeout, queriesPerToken, loopback);
    }

    public DoorSettings withQueriesPerToken(int queries) {
        return new DoorSettings(allowedHosts, queryTimeout, queries, loopback);
    }

    public DoorSettings withLoopback(Predicate<InetAddress> isLoopback) {
        return new DoorSettings(allowedHosts, queryTimeout, queriesPerToken, isLoopback);
    }
}
