package dev.mvlab.datafile;

import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;
import dev.mvlab.yaml.YamlReader;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a Forward project's {@code tests/*.yaml} files. They are parsed so a broken one is reported; mvlab does not
 * run them yet, which one warning says.
 */
final class TestFiles {
    private TestFiles() {
    }

    static void read(Path root, List<Path> files, List<Warning> warnings) {
        int parsed = 0;
        for (Path file : files) {
            Path relative = root.relativize(file);
            try {
                YamlReader.read(file);
                parsed++;
            } catch (MvlabException e) {
                warnings.add(new Warning(new SourceLocation(relative, 1, 1), "test file " + relative
                        + " does not parse: " + e.getMessage(), WarningKind.SKIPPED));
            }
        }
        if (parsed > 0) {
            Path first = root.relativize(files.get(0));
            warnings.add(new Warning(new SourceLocation(first, 1, 1), parsed + " test file(s) in tests/ parsed; "
                    + "mvlab does not run Tinybird tests yet", WarningKind.SKIPPED));
        }
    }
}
