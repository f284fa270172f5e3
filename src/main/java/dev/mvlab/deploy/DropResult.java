package dev.mvlab.deploy;

import dev.mvlab.render.Statement;

import java.util.List;

/** The drop statements in the order they ran; {@code existed} is false for objects that were not there. */
public record DropResult(String database, List<Step> steps) {

    public record Step(Statement statement, boolean existed) {
    }

    public long dropped() {
        return steps.stream().filter(Step::existed).count();
    }
}
