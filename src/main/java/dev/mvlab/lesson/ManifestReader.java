package dev.mvlab.lesson;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.verify.Check;
import dev.mvlab.verify.CheckFileReader;
import dev.mvlab.yaml.YamlErrors;
import dev.mvlab.yaml.YamlList;
import dev.mvlab.yaml.YamlMap;
import dev.mvlab.yaml.YamlNode;
import dev.mvlab.yaml.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates a lesson's {@code lesson.yaml}: every field, every step kind, every check a step names and every
 * datafile an apply names. A mistake comes back as {@code file:line:col: message} (exit 3) before anything runs.
 */
public final class ManifestReader {
    public static final String MANIFEST = "lesson.yaml";
    public static final String README = "README.md";
    static final List<String> FIELDS = List.of("title", "summary", "datafiles", "generate", "checks", "cluster",
            "steps");

    private ManifestReader() {
    }

    /**
     * @param projectChecks the project's {@code checks/} (a lesson's own checks may not reuse their names)
     */
    public static Lesson read(Path dir, int number, String slug, List<Check> projectChecks) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new MvlabException(ExitCode.DATAFILE, dir + ": no " + MANIFEST,
                    "a lesson folder holds " + MANIFEST + " (and a README.md overview)");
        }
        YamlNode root = YamlReader.readInside(manifest, dir);
        if (!(root instanceof YamlMap map)) {
            throw YamlErrors.at(root.location(), "a lesson manifest is a map (title, summary, steps, ...), not "
                    + root.describe(), null);
        }
        map.allowOnly(FIELDS, "a lesson manifest");
        String title = map.text("title", "a lesson").strip();
        String summary = map.text("summary", "a lesson").strip();
        List<String> datafiles = map.texts("datafiles");
        List<Check> checks = new ArrayList<>(projectChecks);
        checks.addAll(CheckFileReader.parse(map.maps("checks", "check")));
        Map<String, Check> byName = CheckFileReader.index(checks);
        LessonClusterShape cluster = cluster(map);
        List<Step> steps = steps(map, byName, datafiles, cluster);
        return new Lesson(number, slug, dir, manifest, title, summary, readme(dir), datafiles, defaults(map), byName,
                steps, cluster);
    }

    private static GenerateDefaults defaults(YamlMap map) {
        YamlNode node = map.get("generate").orElse(null);
        if (node == null) {
            return GenerateDefaults.STANDARD;
        }
        if (!(node instanceof YamlMap generate)) {
            throw YamlErrors.at(node.location(), "'generate' is a map of events, products and seed, not "
                    + node.describe(), null);
        }
        generate.allowOnly(List.of("events", "products", "seed"), "the lesson's 'generate' defaults");
        GenerateDefaults standard = GenerateDefaults.STANDARD;
        return new GenerateDefaults(generate.optionalLong("events").orElse(standard.events()),
                generate.optionalLong("products").orElse(standard.products()),
                generate.optionalLong("seed").orElse(standard.seed()));
    }

    /** {@code cluster: {shards: N, replicas: M}}: the lesson runs on the local cluster of that shape. */
    private static LessonClusterShape cluster(YamlMap map) {
        YamlNode node = map.get("cluster").orElse(null);
        if (node == null) {
            return null;
        }
        if (!(node instanceof YamlMap cluster)) {
            throw YamlErrors.at(node.location(), "'cluster' is a map of shards and replicas, not " + node.describe(),
                    "write `cluster: {shards: 2, replicas: 2}`");
        }
        cluster.allowOnly(List.of("shards", "replicas"), "the lesson's 'cluster'");
        int[] counts = new int[2];
        List<String> keys = List.of("shards", "replicas");
        for (int i = 0; i < 2; i++) {
            YamlNode value = cluster.require(keys.get(i), "the lesson's 'cluster'");
            long count = cluster.optionalLong(keys.get(i)).orElse(0L);
            if (count < 1 || count > LessonClusterShape.MAX_NODES) {
                throw YamlErrors.at(value.location(), "'" + keys.get(i) + "' is a whole number from 1 to "
                        + LessonClusterShape.MAX_NODES, "write `cluster: {shards: 2, replicas: 2}`");
            }
            counts[i] = (int) count;
        }
        if (counts[0] * counts[1] > LessonClusterShape.MAX_NODES) {
            throw YamlErrors.at(node.location(), "a local cluster has at most " + LessonClusterShape.MAX_NODES
                    + " nodes, not " + counts[0] + " x " + counts[1], "each node is a chDB in a JVM of its own: "
                    + "2 x 2 shows shards and replicas");
        }
        return new LessonClusterShape(counts[0], counts[1], node.location());
    }

    private static List<Step> steps(YamlMap map, Map<String, Check> checks, List<String> datafiles,
                                    LessonClusterShape cluster) {
        YamlNode node = map.require("steps", "a lesson");
        if (!(node instanceof YamlList list) || list.items().isEmpty()) {
            throw YamlErrors.at(node.location(), "'steps' is a list of at least one step", null);
        }
        List<Step> steps = new ArrayList<>();
        for (YamlMap item : map.maps("steps", "step")) {
            steps.add(step(item, steps.size() + 1, checks, datafiles, cluster));
        }
        return steps;
    }

    static Step step(YamlMap map, int number, Map<String, Check> checks, List<String> datafiles,
                     LessonClusterShape cluster) {
        List<String> kinds = map.keys().stream().filter(k -> StepKind.byKeyword(k).isPresent()).toList();
        String expected = String.join(", ", StepKind.keywords());
        if (kinds.size() > 1) {
            throw YamlErrors.at(map.keyLocation(kinds.get(1)), "step " + number + " has two kinds, '" + kinds.get(0)
                    + "' and '" + kinds.get(1) + "'", "give each its own step");
        }
        if (kinds.isEmpty()) {
            String other = map.keys().stream().filter(k -> !StepSpec.COMMON.contains(k)).findFirst().orElse(null);
            if (other != null) {
                throw YamlErrors.at(map.keyLocation(other), "unknown step kind '" + other + "'",
                        "expected one of: " + expected);
            }
            throw YamlErrors.at(map.location(), "step " + number + " has no kind",
                    "add one of: " + expected + " (narrative alone is a 'note:' step)");
        }
        String kind = kinds.get(0);
        StepInfo info = new StepInfo(map.optionalText("title").map(String::strip).orElse(null),
                map.optionalText("say").map(String::strip).orElse(null), map.location());
        StepKind stepKind = StepKind.byKeyword(kind).orElseThrow();
        if (stepKind.needsCluster() && cluster == null) {
            throw YamlErrors.at(map.keyLocation(kind), "step " + number + " (" + kind + "): a step of a cluster "
                    + "lesson, and this lesson has no 'cluster'", "add `cluster: {shards: 2, replicas: 2}` to the "
                    + "manifest: the lesson then runs on mvlab's local cluster");
        }
        if (cluster != null && (stepKind.deploys() || stepKind.generates())) {
            throw YamlErrors.at(map.keyLocation(kind), "step " + number + " (" + kind + "): a cluster lesson "
                    + "cannot " + kind + " yet: apply, drop, copy and the generators reach one server",
                    "create the tables with `sql:` steps and `on: all` (each node gets the statement), and write rows "
                            + "with INSERT ... SELECT");
        }
        StepSpec spec = new StepSpec(kind, map.entries().get(kind), map, info, number, checks, datafiles, cluster);
        return stepKind.parse(spec);
    }

    private static String readme(Path dir) {
        Path readme = dir.resolve(README);
        try {
            if (!Files.isRegularFile(readme)) {
                return "";
            }
            if (!readme.toRealPath().startsWith(dir.toRealPath()) || Files.size(readme) > YamlReader.MAX_BYTES) {
                throw new MvlabException(ExitCode.DATAFILE, readme + ": a lesson's README is a file of the lesson "
                        + "folder of at most " + YamlReader.MAX_BYTES + " bytes (not a link to a file elsewhere)");
            }
            return Files.readString(readme).strip();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MvlabException(ExitCode.DATAFILE, readme + ": not valid UTF-8", "save it as UTF-8");
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, readme + ": cannot read: " + e.getMessage());
        }
    }
}
