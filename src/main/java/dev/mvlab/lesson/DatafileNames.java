package dev.mvlab.lesson;

import dev.mvlab.yaml.YamlScalar;

import java.util.List;

/** The datafile names of an {@code apply} or {@code drop} step, each one declared in the lesson's {@code datafiles}. */
final class DatafileNames {
    private DatafileNames() {
    }

    static List<String> of(StepSpec spec) {
        List<YamlScalar> names = spec.names();
        for (YamlScalar name : names) {
            if (!spec.datafiles().contains(name.text())) {
                throw spec.error(name, "'" + name.text() + "' is not among the lesson's datafiles",
                        spec.datafiles().isEmpty() ? "list the data sources and pipes the lesson deploys under "
                                + "'datafiles:'" : "declared datafiles: " + String.join(", ", spec.datafiles()));
            }
        }
        return names.stream().map(YamlScalar::text).toList();
    }
}
