package dev.mvlab.lesson;

import dev.mvlab.yaml.YamlMap;
import dev.mvlab.yaml.YamlNode;
import dev.mvlab.yaml.YamlScalar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a generating step: {@code generate: 5000} or {@code generate: {events: 5000, seed: 7, ...}}. The
 * count field and {@code seed} are read here; every other field is passed to the generator as written.
 *
 * @param count null when the step gives none (the run's default applies)
 * @param seed  null when the step gives none (the run's seed sequence applies)
 */
record GenerateFields(Long count, Long seed, Map<String, String> options) {

    /** @param extraFields fields of the step besides the kind and the common ones (e.g. {@code during}) */
    static GenerateFields of(StepSpec spec, String countField, java.util.List<String> allowed, String... extraFields) {
        GenerateFields fields = of(spec, countField, extraFields);
        YamlMap map = spec.value() instanceof YamlMap m ? m : null;
        for (String key : fields.options().keySet()) {
            if (!allowed.contains(key)) {
                throw spec.error(map != null ? map.require(key, "") : spec.value(), "unknown generator option '"
                        + key + "'", "options of '" + spec.kind() + "': " + countField + ", seed, "
                        + String.join(", ", allowed));
            }
        }
        return fields;
    }

    static GenerateFields of(StepSpec spec, String countField, String... extraFields) {
        spec.allow(extraFields);
        if (spec.value() instanceof YamlScalar s && s.isNumber()) {
            return new GenerateFields(positive(spec, s, spec.map().optionalLong(spec.kind()).orElseThrow()), null,
                    Map.of());
        }
        YamlMap fields = spec.fields();
        Long count = fields.optionalLong(countField).orElse(null);
        if (count != null) {
            positive(spec, fields.require(countField, ""), count);
        }
        Long seed = fields.optionalLong("seed").orElse(null);
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> field : fields.entries().entrySet()) {
            if (field.getKey().equals(countField) || field.getKey().equals("seed")) {
                continue;
            }
            if (!(field.getValue() instanceof YamlScalar value)) {
                throw spec.error(field.getValue(), "generator option '" + field.getKey() + "' takes a single value, "
                        + "not " + field.getValue().describe());
            }
            options.put(field.getKey(), value.text());
        }
        return new GenerateFields(count, seed, options);
    }

    private static long positive(StepSpec spec, YamlNode node, long count) {
        if (count < 0) {
            throw spec.error(node, "a count cannot be negative");
        }
        return count;
    }

    long seed(StepContext context) {
        return seed != null ? seed : context.nextSeed();
    }

    String describe(String unit, String countText) {
        return countText + " " + unit + (seed != null ? ", seed " + seed : "")
                + (options.isEmpty() ? "" : ", " + options);
    }

    static void show(StepContext context, GenerateOutcome outcome, long seed) {
        context.emit(new StepOutput.Info("wrote " + outcome.rows() + " rows into " + outcome.target() + " (seed "
                + seed + ")"));
        outcome.notes().forEach(note -> context.emit(new StepOutput.Info(note)));
    }
}
