package dev.mvlab.serve.door;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a request may give in {@code Host} (and a web page in {@code Origin}): the addresses serve listens on,
 * the loopback names when it listens on loopback, every address and the name of this machine when it listens on all
 * of them, and the names the user allows. Anything else, such as a DNS-rebinding name, is refused.
 */
public final class HostNames {
    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "::1");
    private final Set<String> names;

    private HostNames(Set<String> names) {
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    public static HostNames of(String listenHost, List<String> allowed) {
        Set<String> names = new LinkedHashSet<>();
        names.add(normal(listenHost));
        allowed.forEach(a -> names.add(normal(a)));
        InetAddress listen = address(listenHost);
        if (listen == null || listen.isLoopbackAddress()) {
            LOOPBACK_NAMES.forEach(n -> names.add(normal(n)));
        } else if (listen.isAnyLocalAddress()) {
            LOOPBACK_NAMES.forEach(n -> names.add(normal(n)));
            names.addAll(machineNames());
        } else {
            names.add(normal(listen.getHostAddress()));
        }
        return new HostNames(names);
    }

    /** The accepted names, for the message of a refusal and the startup notice. */
    public Set<String> names() {
        return names;
    }

    /** True when {@code authority} ({@code name}, {@code name:port}, {@code [v6]:port}) names this server. */
    public boolean allows(String authority) {
        return authority != null && names.contains(canonical(nameOf(authority)));
    }

    /** True for {@code localhost} and loopback address literals. */
    public static boolean isLoopbackName(String authority) {
        String name = canonical(nameOf(authority));
        return name.equals("localhost") || name.equals("0:0:0:0:0:0:0:1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The host part of {@code name:port} or {@code [v6]:port}, lower case, without brackets. */
    static String nameOf(String authority) {
        String a = authority.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            return close < 0 ? a : a.substring(1, close);
        }
        int colon = a.indexOf(':');
        return colon >= 0 && colon == a.lastIndexOf(':') ? a.substring(0, colon) : a;
    }

    private static String normal(String host) {
        boolean v6 = host.indexOf(':') != host.lastIndexOf(':') && !host.startsWith("[");
        return canonical(nameOf(v6 ? "[" + host + "]" : host));
    }

    /** One spelling per IPv6 address (Java's full form), without a zone; names and IPv4 as they are. */
    private static String canonical(String name) {
        int zone = name.indexOf('%');
        String bare = zone < 0 ? name : name.substring(0, zone);
        if (!bare.contains(":") || !bare.matches("[0-9a-f:.]+")) {
            return bare;
        }
        try {
            return InetAddress.getByName(bare).getHostAddress(); // an IPv6 literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return bare;
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Set<String> machineNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    names.add(normal(a.getHostAddress()));
                }
            }
        } catch (SocketException e) {
            // no interface list: only the loopback names and the user's
        }
        try {
            names.add(normal(InetAddress.getLocalHost().getHostName()));
        } catch (UnknownHostException e) {
            // a machine without a resolvable name
        }
        return names;
    }
}
