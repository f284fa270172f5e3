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
    static final List<String> FIELDS = List.of("title", "summary", "datafiles", "generate", "checks", "steps");

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
        List<Step> steps = steps(map, byName, datafiles);
        return new Lesson(number, slug, dir, manifest, title, summary, readme(dir), datafiles, defaults(map), byName,
                steps);
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

    private static List<Step> steps(YamlMap map, Map<String, Check> checks, List<String> datafiles) {
        YamlNode node = map.require("steps", "a lesson");
        if (!(node instanceof YamlList list) || list.items().isEmpty()) {
            throw YamlErrors.at(node.location(), "'steps' is a list of at least one step", null);
        }
        List<Step> steps = new ArrayList<>();
        for (YamlMap item : map.maps("steps", "step")) {
            steps.add(step(item, steps.size() + 1, checks, datafiles));
        }
        return steps;
    }

    static Step step(YamlMap map, int number, Map<String, Check> checks, List<String> datafiles) {
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
        StepSpec spec = new StepSpec(kind, map.entries().get(kind), map, info, number, checks, datafiles);
        return StepKind.byKeyword(kind).orElseThrow().parse(spec);
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
