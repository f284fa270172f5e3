package dev.mvlab.lesson;

import java.util.List;

/**
 * What a generator call wrote.
 *
 * @param target the table written
 * @param rows   how many rows
 * @param notes  one-line remarks for the learner
 */
public record GenerateOutcome(String target, long rows, List<String> notes) {
    public GenerateOutcome {
        notes = List.copyOf(notes);
    }
}
