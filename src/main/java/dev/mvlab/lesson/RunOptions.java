package dev.mvlab.lesson;

/**
 * How to run a lesson.
 *
 * @param events    events per {@code generate} step that does not say, instead of the lesson's default (null: keep)
 * @param seed      the lesson's seed instead of its default (null: keep)
 * @param stepMode  wait for the learner after every step
 * @param database  the database to reset and use (null: {@code lesson_NN})
 */
public record RunOptions(Long events, Long seed, boolean stepMode, String database) {
    public static final RunOptions DEFAULT = new RunOptions(null, null, false, null);
}
