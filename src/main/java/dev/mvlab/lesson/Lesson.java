package dev.mvlab.lesson;

import dev.mvlab.verify.Check;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson as read from {@code lessons/NN-slug/lesson.yaml} (and its optional {@code README.md}).
 *
 * @param datafiles the data sources and pipes its {@code apply} and {@code drop} steps may name
 * @param checks    the checks its {@code verify} steps may name: its own, then the project's {@code checks/}
 * @param cluster   the local cluster it runs on ({@code cluster:} in the manifest); null: the engine, one server
 */
public record Lesson(int number, String slug, Path dir, Path manifest, String title, String summary, String readme,
                     List<String> datafiles, GenerateDefaults generate, Map<String, Check> checks, List<Step> steps,
                     LessonClusterShape cluster) {

    public Lesson {
        datafiles = List.copyOf(datafiles);
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        steps = List.copyOf(steps);
    }

    /** The database a run resets and uses: {@code lesson_03} for lesson 3. */
    public String database() {
        return String.format("lesson_%02d", number);
    }
}
