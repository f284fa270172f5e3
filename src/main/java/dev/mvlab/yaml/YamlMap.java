package dev.mvlab.yaml;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping with string keys, in the order written, with the location of each key. The accessors throw a
 * {@link MvlabException} naming file, line and column when a value is missing or of the wrong shape.
 */
public record YamlMap(Map<String, YamlNode> entries, Map<String, SourceLocation> keyLocations,
                      SourceLocation location) implements YamlNode {

    public YamlMap {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        keyLocations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    @Override
    public String describe() {
        return "a map";
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public SourceLocation keyLocation(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    /** Fails on the first key that is not one of {@code allowed}, naming what is allowed in {@code what}. */
    public void allowOnly(Collection<String> allowed, String what) {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                throw YamlErrors.at(keyLocation(key), "unknown field '" + key + "' in " + what,
                        "expected one of: " + String.join(", ", allowed));
            }
        }
    }

    public YamlNode require(String key, String what) {
        YamlNode node = entries.get(key);
        if (node == null) {
            throw YamlErrors.at(location, what + " needs the field '" + key + "'", null);
        }
        return node;
    }

    /** A required, non-blank text (numbers and booleans are taken as written). */
    public String text(String key, String what) {
        return YamlErrors.text(require(key, what), key);
    }

    /** The value of a key that is given and not null. */
    private Optional<YamlNode> present(String key) {
        YamlNode node = entries.get(key);
        return node == null || node instanceof YamlScalar s && s.isNull() ? Optional.empty() : Optional.of(node);
    }

    public Optional<String> optionalText(String key) {
        return present(key).map(node -> YamlErrors.text(node, key));
    }

    public Optional<Long> optionalLong(String key) {
        return present(key).map(node -> YamlErrors.integer(node, key));
    }

    public Optional<Double> optionalDouble(String key) {
        return present(key).map(node -> YamlErrors.decimal(node, key));
    }

    public Optional<Boolean> optionalBoolean(String key) {
        return present(key).map(node -> {
            if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOLEAN) {
                return Boolean.parseBoolean(s.text()) || s.text().equalsIgnoreCase("yes")
                        || s.text().equalsIgnoreCase("on");
            }
            throw YamlErrors.at(node.location(), "'" + key + "' must be true or false, not " + node.describe(), null);
        });
    }

    /** A list of texts, also accepting a single text for a one-element list; absent gives an empty list. */
    public List<String> texts(String key) {
        YamlNode node = entries.get(key);
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return List.of();
        }
        return YamlErrors.texts(node, key);
    }

    /** The maps of a list (absent gives an empty list). */
    public List<YamlMap> maps(String key, String what) {
        YamlNode node = entries.get(key);
        if (node == null || node instanceof YamlScalar s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof YamlList list)) {
            throw YamlErrors.at(node.location(), "'" + key + "' must be a list (of " + what + " maps), not "
                    + node.describe(), null);
        }
        List<YamlMap> maps = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlMap map)) {
                throw YamlErrors.at(item.location(), "each item of '" + key + "' must be a map (" + what + "), not "
                        + item.describe(), null);
            }
            maps.add(map);
        }
        return maps;
    }
}
