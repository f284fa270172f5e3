package dev.mvlab.lesson;

import dev.mvlab.engine.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.util.List;

/** Stands in for a service this build does not provide: a lesson that needs it stops before touching the database. */
public final class Unavailable implements Deployer, EventSource {
    private final String what;

    public Unavailable(String what) {
        this.what = what;
    }

    private MvlabException missing() {
        return new MvlabException(ExitCode.USAGE, "this lesson needs " + what + ", which this build of mvlab lacks",
                "run lessons that use only sql, query, verify and note steps, or update mvlab");
    }

    @Override
    public ApplyOutcome apply(ApplyRequest request, Database db) {
        throw missing();
    }

    @Override
    public ApplyOutcome drop(List<String> names, Database db) {
        throw missing();
    }

    @Override
    public ApplyOutcome copy(String pipe, Database db) {
        throw missing();
    }

    @Override
    public List<String> unknownNames(List<String> names) {
        throw missing();
    }

    @Override
    public void ready() {
        throw missing();
    }

    @Override
    public GenerateOutcome events(GenerateRequest request, Database db) {
        throw missing();
    }

    @Override
    public GenerateOutcome products(GenerateRequest request, Database db) {
        throw missing();
    }

    @Override
    public GenerateOutcome updatePrices(GenerateRequest request, Database db) {
        throw missing();
    }
}
