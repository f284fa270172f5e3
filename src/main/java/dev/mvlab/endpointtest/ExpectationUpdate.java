package dev.mvlab.endpointtest;

import dev.mvlab.datafile.AtomicFileReplace;

import java.util.List;

/** Writes {@code --update}'s expectations into the test files (each replaced atomically); returns those changed. */
public final class ExpectationUpdate {
    private ExpectationUpdate() {
    }

    public static List<EndpointTestFile> write(List<EndpointTestRun.FileRun> runs) {
        List<String> texts = runs.stream().map(r -> ExpectationRewriter.rewrite(r.file(), r.outcomes())).toList();
        List<EndpointTestFile> changed = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) { // every file's new text is made before any is written
            EndpointTestFile file = runs.get(i).file();
            if (!texts.get(i).equals(file.text())) {
                AtomicFileReplace.replace(file.path(), texts.get(i));
                changed.add(file);
            }
        }
        return changed;
    }
}
