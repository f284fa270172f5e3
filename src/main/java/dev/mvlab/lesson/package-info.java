/**
 * Lessons: manifests ({@link dev.mvlab.lesson.ManifestReader}), one small class per step kind
 * ({@link dev.mvlab.lesson.StepKind}), run by {@link dev.mvlab.lesson.LessonRunner}, which reports through a
 * {@link dev.mvlab.lesson.LessonListener} and returns a {@link dev.mvlab.lesson.LessonResult}. Deploying and generating
 * go through the {@link dev.mvlab.lesson.Deployer} and {@link dev.mvlab.lesson.EventSource} interfaces.
 */
package dev.mvlab.lesson;
