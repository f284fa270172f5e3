package dev.mvlab.yaml;

import dev.mvlab.model.SourceLocation;

/** A node of a YAML document read with {@link YamlReader}: every node knows where it was written. */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {
    SourceLocation location();

    /** What the node is, for error messages: "a map", "a list", "a text", "a number", ... */
    String describe();
}
