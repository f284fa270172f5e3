package dev.mvlab.cli;

import dev.mvlab.lesson.LessonRunner;
import dev.mvlab.lesson.Unavailable;
import dev.mvlab.verify.Verifier;

import java.nio.file.Path;

/**
 * Builds the lesson runner with the services behind its {@code apply}, {@code drop} and {@code generate*} steps.
 * This is the one place that wires the deploy service and the event generator in; until then those steps report
 * that this build lacks them (sql, query, insert, optimize, verify, note and pause steps all run).
 */
final class LessonServices {
    private LessonServices() {
    }

    static LessonRunner runner(Path project) {
        Unavailable deployer = new Unavailable("the deploy service (apply and drop steps)");
        Unavailable events = new Unavailable("the event generator (generate steps)");
        return new LessonRunner(deployer, events, new Verifier());
    }
}
