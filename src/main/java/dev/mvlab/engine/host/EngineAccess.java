package dev.mvlab.engine.host;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What the engine's SQL may reach outside its own tables. Off by default: clickhouse-local's {@code file()} reads and
 * writes any file of the user, {@code url()} reaches any local service, {@code remote()} any server, and an
 * Executable engine or a dictionary's EXECUTABLE source runs any command. {@link EngineGrants} turns each kind into
 * ClickHouse grants. The user turns each on for the engine with
 * {@code MVLAB_ENGINE_ACCESS=file,url,remote,executable} (at engine start).
 */
public record EngineAccess(Set<Source> allowed) {
    /** A family of table functions and engines that reach outside the engine. */
    public enum Source {
        FILE, URL, REMOTE,
        /** Programs: the Executable engines, and dictionaries (an EXECUTABLE source runs a shell command). */
        EXECUTABLE
    }

    public static final EngineAccess NONE = new EngineAccess(EnumSet.noneOf(Source.class));

    public EngineAccess {
        allowed = allowed.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(allowed);
    }

    public static EngineAccess parse(String text) {
        EnumSet<Source> sources = EnumSet.noneOf(Source.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty() || name.equals("NONE")) {
                continue;
            }
            try {
                sources.add(Source.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new MvlabException(ExitCode.USAGE, "engine access '" + part.strip() + "' is unknown",
                        "MVLAB_ENGINE_ACCESS takes a comma-separated list of: file, url, remote, executable (or none)");
            }
        }
        return new EngineAccess(sources);
    }

    public boolean allows(Source source) {
        return allowed.contains(source);
    }

    /** The form written in the state file and passed to the engine host, e.g. {@code file,url}; empty for none. */
    public String text() {
        return String.join(",", allowed.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    }
}
