package dev.mvlab.lesson;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.verify.Check;
import dev.mvlab.yaml.YamlErrors;
import dev.mvlab.yaml.YamlList;
import dev.mvlab.yaml.YamlMap;
import dev.mvlab.yaml.YamlNode;
import dev.mvlab.yaml.YamlScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A step as written in a manifest, handed to its kind's parser: the kind keyword, its value, the whole step map,
 * the common fields, and what the lesson declares (checks, datafiles, its cluster or null) for references to be
 * checked.
 */
record StepSpec(String kind, YamlNode value, YamlMap map, StepInfo info, int number, Map<String, Check> checks,
                List<String> datafiles, LessonClusterShape cluster) {

    static final List<String> COMMON = List.of("title", "say");

    /** Fails on a field that is neither common, the kind, nor one of {@code extra}. */
    void allow(String... extra) {
        List<String> allowed = new ArrayList<>(COMMON);
        allowed.add(kind);
        allowed.addAll(List.of(extra));
        map.allowOnly(allowed, "a '" + kind + "' step");
    }

    MvlabException error(YamlNode node, String message) {
        return YamlErrors.at(node.location(), "step " + number + " (" + kind + "): " + message, null);
    }

    MvlabException error(YamlNode node, String message, String hint) {
        return YamlErrors.at(node.location(), "step " + number + " (" + kind + "): " + message, hint);
    }

    /** The kind's value as non-blank text. */
    YamlScalar text() {
        if (value instanceof YamlScalar s && !s.isNull() && !s.text().isBlank()) {
            return s;
        }
        throw error(value, "'" + kind + "' needs a text here, not " + value.describe());
    }

    /** The kind's value as a list of names (a single name is a list of one). */
    List<YamlScalar> names() {
        List<YamlNode> nodes = value instanceof YamlList list ? list.items() : List.of(value);
        List<YamlScalar> names = new ArrayList<>();
        for (YamlNode node : nodes) {
            if (!(node instanceof YamlScalar s) || s.isNull() || s.text().isBlank()) {
                throw error(node, "'" + kind + "' takes a name or a list of names, not " + node.describe());
            }
            names.add(s);
        }
        if (names.isEmpty()) {
            throw error(value, "'" + kind + "' needs at least one name");
        }
        return names;
    }

    /** The kind's value as a map of fields; a null value (e.g. {@code generate:}) is an empty map. */
    YamlMap fields() {
        if (value instanceof YamlMap fields) {
            return fields;
        }
        if (value instanceof YamlScalar s && s.isNull()) {
            return new YamlMap(Map.of(), Map.of(), value.location());
        }
        throw error(value, "'" + kind + "' takes a map of fields here, not " + value.describe());
    }
}
