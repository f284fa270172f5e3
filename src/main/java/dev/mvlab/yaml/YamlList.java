package dev.mvlab.yaml;

import dev.mvlab.model.SourceLocation;

import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, SourceLocation location) implements YamlNode {
    @Override
    public String describe() {
        return "a list";
    }
}
