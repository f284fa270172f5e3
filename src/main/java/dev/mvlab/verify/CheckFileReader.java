package dev.mvlab.verify;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.yaml.YamlErrors;
import dev.mvlab.yaml.YamlMap;
import dev.mvlab.yaml.YamlNode;
import dev.mvlab.yaml.YamlReader;
import dev.mvlab.yaml.YamlScalar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads checks declared in YAML: check files ({@code checks/*.yaml} in a project, holding a {@code checks:} list) and
 * the {@code checks:} section of a lesson manifest. Mistakes come back as {@code file:line:col: message} (exit 3).
 */
public final class CheckFileReader {
    /** The folder of a project that holds its check files. */
    public static final String FOLDER = "checks";

    static final List<String> FIELDS = List.of("name", "description", "mv", "raw", "keys", "tolerance", "expect");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private CheckFileReader() {
    }

    /** Every check of {@code checks/*.yaml} (and {@code *.yml}) under the project root; none without the folder. */
    public static List<Check> readProject(Path projectRoot) {
        Path folder = projectRoot.resolve(FOLDER).normalize();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Check> checks = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(CheckFileReader::isYaml).sorted().toList()) {
                checks.addAll(read(YamlReader.readInside(file, projectRoot)));
            }
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, folder + ": cannot list: " + e.getMessage());
        }
        index(checks);
        return checks;
    }

    /** The checks of one check file: a map with a single {@code checks:} list. */
    public static List<Check> read(Path file) {
        return read(YamlReader.read(file));
    }

    private static List<Check> read(YamlNode root) {
        if (!(root instanceof YamlMap map)) {
            throw YamlErrors.at(root.location(), "a check file is a map with a 'checks:' list, not "
                    + root.describe(), null);
        }
        map.allowOnly(List.of("checks"), "a check file");
        map.require("checks", "a check file");
        List<Check> checks = parse(map.maps("checks", "check"));
        index(checks);
        return checks;
    }

    /** Checks from the maps of a {@code checks:} list. */
    public static List<Check> parse(List<YamlMap> maps) {
        List<Check> checks = new ArrayList<>();
        for (YamlMap map : maps) {
            checks.add(check(map));
        }
        return checks;
    }

    /** The checks by name; fails on a name declared twice, naming both places. */
    public static Map<String, Check> index(List<Check> checks) {
        Map<String, Check> byName = new LinkedHashMap<>();
        for (Check check : checks) {
            Check earlier = byName.putIfAbsent(check.name(), check);
            if (earlier != null) {
                throw YamlErrors.at(check.location(), "a check named '" + check.name() + "' is already declared at "
                        + earlier.location(), "give each check its own name");
            }
        }
        return byName;
    }

    private static Check check(YamlMap map) {
        map.allowOnly(FIELDS, "a check");
        String name = map.text("name", "a check");
        if (!NAME.matcher(name).matches()) {
            throw YamlErrors.at(map.require("name", "a check").location(), "a check name uses letters, digits, "
                    + "'_', '.' and '-', not '" + name + "'", null);
        }
        String what = "check '" + name + "'";
        return new Check(name, map.optionalText("description").orElse(""), map.text("mv", what).strip(),
                map.text("raw", what).strip(), map.texts("keys"), tolerance(map), expect(map, "expect"),
                map.location());
    }

    private static Tolerance tolerance(YamlMap map) {
        YamlNode node = map.get("tolerance").orElse(null);
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return Tolerance.DEFAULT;
        }
        if (node instanceof YamlScalar s && s.isNumber()) {
            return new Tolerance(nonNegative(s, YamlErrors.decimal(s, "tolerance")), 0);
        }
        if (node instanceof YamlMap tolerance) {
            tolerance.allowOnly(List.of("absolute", "relative"), "a tolerance");
            double absolute = tolerance.optionalDouble("absolute").orElse(0.0);
            double relative = tolerance.optionalDouble("relative").orElse(0.0);
            nonNegative(tolerance, Math.min(absolute, relative));
            return new Tolerance(absolute, relative);
        }
        throw YamlErrors.at(node.location(), "'tolerance' is a number (absolute) or a map with 'absolute' and/or "
                + "'relative', not " + node.describe(), null);
    }

    private static double nonNegative(YamlNode node, double value) {
        if (value < 0) {
            throw YamlErrors.at(node.location(), "a tolerance cannot be negative", null);
        }
        return value;
    }

    /** Reads MATCH or DRIFT (any case) from {@code key}; MATCH when absent. */
    public static Verdict expect(YamlMap map, String key) {
        return map.optionalText(key).map(text -> {
            try {
                return Verdict.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw YamlErrors.at(map.require(key, "").location(), "'" + key + "' is MATCH or DRIFT, not '"
                        + text + "'", null);
            }
        }).orElse(Verdict.MATCH);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
