package dev.mvlab.datafile;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.errors.Suggestions;
import dev.mvlab.model.ClusterKind;
import dev.mvlab.model.ClusterTarget;
import dev.mvlab.model.ClusterTarget.ShardingKey;
import dev.mvlab.model.SourceLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a cluster target from the project's {@code mvlab.properties}: the lines {@code cluster.<name>.<key> = value}
 * (one line each; keys kind, replicated_path, replica, ddl_timeout_seconds, sharding_key.<data source>). A bad line
 * is reported {@code mvlab.properties:line:col: reason}. {@code --cluster local} needs no line: it is mvlab's local
 * cluster, and no other kind may take that name.
 */
public final class ClusterSettings {
    public static final String FILE = "mvlab.properties";
    private static final String PREFIX = "cluster.";
    private static final String SHARDING_KEY = "sharding_key";
    private static final List<String> KEYS = List.of("kind", "replicated_path", "replica", "ddl_timeout_seconds",
            SHARDING_KEY + ".<data source>");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private ClusterSettings() {
    }

    /**
     * The target {@code --cluster name} asks for.
     *
     * @param dataSources the project's data source names, which sharding keys may name
     */
    public static ClusterTarget read(Path projectDir, String name, Collection<String> dataSources) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new MvlabException(ExitCode.USAGE, "--cluster takes a name such as `prod` or `local`, got `"
                    + name + "`", "letters, digits, _ . and -, starting with a letter or _");
        }
        Path file = projectDir.resolve(FILE);
        List<String> lines = lines(file);
        String prefix = PREFIX + name + ".";
        ClusterKind kind = null;
        String path = ClusterTarget.DEFAULT_REPLICATED_PATH;
        String replica = ClusterTarget.DEFAULT_REPLICA_NAME;
        Duration timeout = ClusterTarget.DEFAULT_DDL_TIMEOUT;
        SourceLocation first = null;
        Map<String, ShardingKey> keys = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Entry entry = Entry.of(lines.get(i), i + 1);
            if (entry == null) {
                continue;
            }
            if (entry.key.startsWith(PREFIX)) {
                seen.add(clusterOf(entry.key));
            }
            if (!entry.key.startsWith(prefix)) {
                continue;
            }
            SourceLocation at = new SourceLocation(Path.of(FILE), entry.line, entry.valueColumn);
            SourceLocation keyAt = new SourceLocation(Path.of(FILE), entry.line, entry.keyColumn);
            first = first == null ? keyAt : first;
            String key = entry.key.substring(prefix.length());
            String value = entry.value;
            if (value.isEmpty()) {
                throw error(projectDir, at, "`" + entry.key + "` has no value", "write " + entry.key + " = ...");
            }
            switch (key) {
                case "kind" -> {
                    kind = ClusterKind.named(value).orElseThrow(() -> error(projectDir, at, "cluster kind `" + value
                            + "` is not one of real, cloud, local", "real: a self-managed cluster with Keeper; "
                            + "cloud: ClickHouse Cloud; local: mvlab's local chDB cluster"));
                    if ((kind == ClusterKind.LOCAL) != name.equals(ClusterTarget.LOCAL_NAME)) {
                        throw error(projectDir, at, kind == ClusterKind.LOCAL
                                ? "kind local is reserved for the cluster named `local` (mvlab's local chDB cluster)"
                                : "the cluster name `local` is reserved for mvlab's local chDB cluster",
                                "name a real or cloud cluster otherwise, e.g. cluster.prod.kind = real");
                    }
                }
                case "replicated_path" -> {
                    if (!value.startsWith("/") || !(value.contains("{table}") || value.contains("{uuid}"))
                            || value.contains("'")) {
                        throw error(projectDir, at, "replicated path `" + value + "` must start with / and contain "
                                + "{table} or {uuid} (else every table would share one Keeper path)",
                                "the default is " + ClusterTarget.DEFAULT_REPLICATED_PATH);
                    }
                    path = value;
                }
                case "replica" -> {
                    if (value.contains("'")) {
                        throw error(projectDir, at, "replica name `" + value + "` has a quote", "the default is "
                                + ClusterTarget.DEFAULT_REPLICA_NAME);
                    }
                    replica = value;
                }
                case "ddl_timeout_seconds" -> timeout = seconds(projectDir, at, entry.key, value);
                default -> {
                    if (key.startsWith(SHARDING_KEY + ".")) {
                        String table = key.substring(SHARDING_KEY.length() + 1);
                        if (!dataSources.contains(table)) {
                            SourceLocation tableAt = new SourceLocation(Path.of(FILE), entry.line, entry.keyColumn
                                    + prefix.length() + SHARDING_KEY.length() + 1);
                            throw error(projectDir, tableAt, "no data source named `" + table + "`",
                                    Suggestions.closest(table, dataSources).map(s -> "did you mean `" + s + "`?")
                                            .orElse("data sources: " + String.join(", ", dataSources)));
                        }
                        keys.put(table, new ShardingKey(shardingKey(projectDir, at, value), at));
                    } else {
                        throw error(projectDir, keyAt, "unknown cluster setting `" + key + "`",
                                Suggestions.closest(key, KEYS).map(s -> "did you mean `" + prefix + s + "`?")
                                        .orElse("keys: " + String.join(", ", KEYS)));
                    }
                }
            }
        }
        if (kind == null) {
            if (name.equals(ClusterTarget.LOCAL_NAME)) {
                kind = ClusterKind.LOCAL;
            } else if (first != null) {
                throw error(projectDir, first, "cluster `" + name + "` has no kind",
                        "add " + prefix + "kind = real (or cloud)");
            } else {
                Set<String> known = new LinkedHashSet<>(seen);
                throw new MvlabException(ExitCode.USAGE, "no cluster `" + name + "` in " + file,
                        known.isEmpty() ? "add " + prefix + "kind = real to " + FILE + " (see docs/clusters.md)"
                                : Suggestions.closest(name, known).map(s -> "did you mean --cluster " + s + "?")
                                .orElse("clusters: " + String.join(", ", known) + ", local"));
            }
        }
        return new ClusterTarget(name, kind, path, replica, keys, timeout, first);
    }

    private static String shardingKey(Path root, SourceLocation at, String value) {
        int depth = 0;
        for (char c : value.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                break;
            }
        }
        if (depth != 0 || value.contains(";")) {
            throw error(root, at, "sharding key `" + value + "` is not one expression (brackets unbalanced or a `;`)",
                    "e.g. cityHash64(product_id) or rand()");
        }
        return value;
    }

    private static Duration seconds(Path root, SourceLocation at, String key, String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0 && seconds <= 86_400) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw error(root, at, "`" + key + "` must be whole seconds from 1 to 86400, got `" + value + "`",
                "e.g. " + key + " = " + ClusterTarget.DEFAULT_DDL_TIMEOUT.toSeconds());
    }

    private static String clusterOf(String key) {
        String rest = key.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static DatafileException error(Path root, SourceLocation at, String reason, String hint) {
        return DatafileException.at(root, at, reason, hint);
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** One {@code key = value} line (also {@code key: value}); comments and blank lines are none. */
    private record Entry(String key, String value, int line, int keyColumn, int valueColumn) {
        static Entry of(String text, int line) {
            String stripped = text.stripLeading();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                return null;
            }
            int keyColumn = text.length() - stripped.length() + 1;
            int separator = -1;
            for (int i = 0; i < stripped.length(); i++) {
                char c = stripped.charAt(i);
                if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                    separator = i;
                    break;
                }
            }
            String key = separator < 0 ? stripped : stripped.substring(0, separator);
            int valueStart = separator < 0 ? stripped.length() : separator;
            while (valueStart < stripped.length() && Character.isWhitespace(stripped.charAt(valueStart))) {
                valueStart++;
            }
            if (valueStart < stripped.length() && (stripped.charAt(valueStart) == '='
                    || stripped.charAt(valueStart) == ':')) {
                valueStart++;
            }
            while (valueStart < stripped.length() && Character.isWhitespace(stripped.charAt(valueStart))) {
                valueStart++;
            }
            return new Entry(key, stripped.substring(valueStart).strip(), line, keyColumn,
                    keyColumn + valueStart);
        }
    }
}
