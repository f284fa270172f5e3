/**
 * YAML read through Jackson's streaming parser into {@link dev.mvlab.yaml.YamlNode}s that keep their file, line and
 * column, so check files and lesson manifests report mistakes at {@code file:line:col}. Bounded: size, depth, aliases
 * refused.
 */
package dev.mvlab.yaml;
