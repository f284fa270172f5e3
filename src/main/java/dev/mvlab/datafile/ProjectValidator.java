package dev.mvlab.datafile;

import dev.mvlab.model.DataSource;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.Warning;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks what spans files: pipe targets exist (as a .datasource or inline in the pipe), names are unique across
 * data sources and pipes, inline target engines agree with .datasource files. Adds inline targets as data sources.
 */
final class ProjectValidator {
    private final Map<Path, Source> sources;

    ProjectValidator(Map<Path, Source> sources) {
        this.sources = sources;
    }

    /** The data sources of the project: the files' and those defined inline by materialized pipes. */
    List<DataSource> validate(List<DataSource> files, List<Pipe> pipes, List<Warning> warnings) {
        Map<String, DataSource> byName = new LinkedHashMap<>();
        files.forEach(d -> byName.put(d.name(), d));
        checkPipeNames(pipes, byName);
        Map<String, DataSource> inline = new LinkedHashMap<>();
        for (Pipe pipe : pipes) {
            for (Node node : pipe.nodes()) {
                if (node.type() == NodeType.MATERIALIZED && node.targetEngine() != null) {
                    defineInline(pipe, node, byName, inline, warnings);
                }
            }
        }
        byName.putAll(inline);
        for (Pipe pipe : pipes) {
            for (Node node : pipe.nodes()) {
                checkTarget(node, byName);
                if (byName.containsKey(node.name())) {
                    warnings.add(new Warning(node.location(), "node `" + node.name() + "` of pipe " + pipe.name()
                            + " has the name of a data source; queries that name it may read the wrong one"));
                }
            }
        }
        return List.copyOf(byName.values());
    }

    /**
     * The pipes that count when two files define one pipe name. Tinybird's Classic CLI reads {@code pipes/} and then
     * {@code endpoints/}, and the file read last replaces the other: a pipe in an {@code endpoints} folder wins over
     * one elsewhere, with a warning naming both files. Two files that this rule does not order stay an error.
     */
    List<Pipe> distinctPipes(List<Pipe> pipes, List<Warning> warnings) {
        Map<String, Pipe> kept = new LinkedHashMap<>();
        for (Pipe pipe : pipes) {
            Pipe other = kept.get(pipe.name());
            if (other == null) {
                kept.put(pipe.name(), pipe);
                continue;
            }
            boolean mine = inEndpoints(pipe);
            if (mine == inEndpoints(other)) {
                throw error(pipe.location(), "two pipes are named `" + pipe.name() + "`: " + other.location().file()
                        + " and " + pipe.location().file(), "rename one file");
            }
            Pipe winner = mine ? pipe : other;
            Pipe loser = mine ? other : pipe;
            kept.put(pipe.name(), winner);
            warnings.add(new Warning(loser.location(), "pipe `" + pipe.name() + "` is defined twice: "
                    + winner.location().file() + " replaces " + loser.location().file()
                    + ", as Tinybird's CLI does (it reads endpoints/ after pipes/); delete or rename one file"));
        }
        return List.copyOf(kept.values());
    }

    private static boolean inEndpoints(Pipe pipe) {
        Path file = pipe.location().file();
        for (int i = 0; i < file.getNameCount() - 1; i++) {
            if (file.getName(i).toString().equals("endpoints")) {
                return true;
            }
        }
        return false;
    }

    private void checkPipeNames(List<Pipe> pipes, Map<String, DataSource> datasources) {
        Map<String, Pipe> seen = new LinkedHashMap<>();
        for (Pipe pipe : pipes) {
            DataSource clash = datasources.get(pipe.name());
            if (clash != null) {
                throw error(pipe.location(), "pipe `" + pipe.name() + "` has the name of data source "
                        + clash.location().file(), "pipes and data sources share one namespace: rename one file");
            }
            Pipe first = seen.putIfAbsent(pipe.name(), pipe);
            if (first != null) {
                throw error(pipe.location(), "two pipes are named `" + pipe.name() + "`: " + first.location().file()
                        + " and " + pipe.location().file(), "rename one file");
            }
        }
    }

    /**
     * ENGINE lines after DATASOURCE define the target when no .datasource file does. Real projects often repeat a
     * .datasource file's engine in the pipe (Tinybird's starter kits do): the same engine is a warning, another one
     * an error.
     */
    private void defineInline(Pipe pipe, Node node, Map<String, DataSource> files, Map<String, DataSource> inline,
                              List<Warning> warnings) {
        String name = node.datasource();
        EngineSpec engine = node.targetEngine();
        DataSource file = files.get(name);
        if (file != null) {
            if (!sameEngine(file.engine(), engine)) {
                throw error(engine.location(), "ENGINE lines after DATASOURCE " + name + " conflict with "
                                + file.location().file() + " (" + describe(file.engine()) + " there, "
                                + describe(engine) + " here)",
                        "define the target table in one place: remove the ENGINE lines from the pipe, "
                                + "or delete " + file.location().file());
            }
            warnings.add(new Warning(engine.location(), "ENGINE lines after DATASOURCE " + name + " repeat "
                    + file.location().file() + ", which defines the table"));
            return;
        }
        DataSource earlier = inline.get(name);
        if (earlier != null) {
            throw error(engine.location(), "data source `" + name + "` is defined twice: inline in "
                    + earlier.location().file() + ":" + earlier.location().line() + " and in pipe " + pipe.name(),
                    "define the target table once (a .datasource file is clearest); remove the other ENGINE lines");
        }
        inline.put(name, new DataSource(name, node.description(), List.of(), engine, List.of(), List.of(),
                List.of(), List.of(), node.location()));
    }

    private void checkTarget(Node node, Map<String, DataSource> datasources) {
        String target = node.target();
        if (target == null || datasources.containsKey(target)) {
            return;
        }
        String keyword = node.type() == NodeType.COPY ? "TARGET_DATASOURCE" : "DATASOURCE";
        String known = datasources.isEmpty() ? "none" : String.join(", ", datasources.keySet());
        String hint = node.type() == NodeType.MATERIALIZED
                ? "create datasources/" + target + ".datasource, or define the table inline with ENGINE lines "
                  + "after DATASOURCE; known data sources: " + known
                : "create datasources/" + target + ".datasource; known data sources: " + known;
        throw error(valueLocation(node.location(), keyword), node.type().name().toLowerCase() + " node `"
                + node.name() + "` writes to data source `" + target + "`, which does not exist", hint);
    }

    /** The location of {@code keyword}'s value within a node, found in its file; the node's location if not. */
    private SourceLocation valueLocation(SourceLocation nodeLocation, String keyword) {
        Source source = sources.get(nodeLocation.file());
        if (source == null) {
            return nodeLocation;
        }
        List<String> lines = source.lines();
        for (int i = nodeLocation.line(); i < lines.size() && !lines.get(i).startsWith("NODE"); i++) {
            String line = lines.get(i);
            if (line.startsWith(keyword + " ") || line.startsWith(keyword + "\t")) {
                String value = line.substring(keyword.length()).strip();
                return source.location(i + 1, line.indexOf(value, keyword.length()) + 1);
            }
        }
        return nodeLocation;
    }

    private static boolean sameEngine(EngineSpec a, EngineSpec b) {
        List<Object> x = Arrays.asList(a.engine(), a.sortingKey(), a.partitionKey(), a.primaryKey(), a.ttl(),
                a.ver(), a.isDeleted(), a.sign(), a.version(), a.summingColumns(), a.settings());
        List<Object> y = Arrays.asList(b.engine(), b.sortingKey(), b.partitionKey(), b.primaryKey(), b.ttl(),
                b.ver(), b.isDeleted(), b.sign(), b.version(), b.summingColumns(), b.settings());
        for (int i = 0; i < x.size(); i++) {
            if (!Objects.equals(normalize(x.get(i)), normalize(y.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static Object normalize(Object value) {
        return value instanceof String s ? s.replaceAll("\\s+", "") : value;
    }

    private static String describe(EngineSpec e) {
        List<String> parts = new ArrayList<>(List.of(e.engine().sqlName()));
        if (e.sortingKey() != null) {
            parts.add("ORDER BY " + e.sortingKey());
        }
        if (e.partitionKey() != null) {
            parts.add("PARTITION BY " + e.partitionKey());
        }
        return String.join(" ", parts);
    }

    private DatafileException error(SourceLocation location, String reason, String hint) {
        Source source = sources.get(location.file());
        return new DatafileException(location, reason, hint, source == null ? null : source.lines());
    }
}
