package dev.mvlab.cli;

import dev.mvlab.generate.Action;
import dev.mvlab.generate.GenerateResult;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.StringJoiner;

/** The notes and the one-line summary of a generate run. */
final class GenerateSummary {
    private GenerateSummary() {
    }

    static void print(PrintWriter out, GenerateResult result) {
        result.notes().forEach(note -> out.println("note: " + note));
        StringJoiner actions = new StringJoiner(" ");
        for (Action action : Action.values()) {
            actions.add(action.json() + " " + result.actions().getOrDefault(action, 0L));
        }
        out.println(String.format(Locale.ROOT, "%s: %d events in %.1f s (%.0f events/s), %d duplicates, %d late%s; "
                        + "%s; seed %d%s", result.target(), result.events(), result.elapsed().toMillis() / 1000.0,
                result.rate(), result.duplicates(), result.late(),
                result.batches() > 0 ? ", " + result.batches() + " batches, " + result.retries() + " retries" : "",
                actions, result.seed(), result.resumedFrom() > 0 ? "; resumed at event " + result.resumedFrom() : ""));
        out.flush();
    }
}
