package dev.mvlab.datafile;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;
import dev.mvlab.yaml.YamlReader;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a Forward project's {@code tests/*.yaml} files. They are parsed so a broken one is reported at load;
 * {@code mvlab test} runs them.
 */
final class TestFiles {
    private TestFiles() {
    }

    static void read(Path root, List<Path> files, List<Warning> warnings) {
        for (Path file : files) {
            Path relative = root.relativize(file);
            try {
                YamlReader.read(file);
            } catch (MvlabException e) {
                warnings.add(new Warning(new SourceLocation(relative, 1, 1), "test file " + relative
                        + " does not parse (mvlab test runs these files): " + e.getMessage(), WarningKind.SKIPPED));
            }
        }
    }
}
