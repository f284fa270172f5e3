package dev.mvlab.lesson;

import dev.mvlab.model.SourceLocation;

/**
 * What every step has besides its kind: an optional short title, optional narrative said before it runs, and where
 * it is written in the manifest.
 */
public record StepInfo(String title, String say, SourceLocation location) {
}
