package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.util.List;

/** Stands in for a service this build does not provide: a lesson that needs it stops before touching the database. */
public final class Unavailable implements Deployer, EventSource, LessonCluster {
    private final String message;
    private final String hint;

    public Unavailable(String what) {
        this("this lesson needs " + what + ", which this build of mvlab lacks",
                "run lessons that use only sql, query, verify and note steps, or update mvlab");
    }

    private Unavailable(String message, String hint) {
        this.message = message;
        this.hint = hint;
    }

    /** For a project folder without datafiles: its lessons may not apply, drop, copy or generate. */
    public static Unavailable noDatafiles(java.nio.file.Path project) {
        return new Unavailable("this lesson applies or generates, but " + project + " has no datasources/ or pipes/",
                "run it from the project folder (--project DIR), or use only sql, query, insert, verify and note steps");
    }

    private MvlabException missing() {
        return new MvlabException(ExitCode.USAGE, message, hint);
    }

    /** For a runner without mvlab's local cluster: its lessons with {@code cluster:} stop before anything runs. */
    public static Unavailable noCluster() {
        return new Unavailable("this lesson runs on mvlab's local cluster (its manifest says `cluster:`), which this "
                + "run cannot reach", "run it with `mvlab lesson run N` (it starts a local cluster when none runs)");
    }

    @Override
    public boolean ensureRunning(int shards, int replicas) {
        throw missing();
    }

    @Override
    public Database connect(String node, String database) {
        throw missing();
    }

    @Override
    public void kill(String node) {
        throw missing();
    }

    @Override
    public void start(String node) {
        throw missing();
    }

    @Override
    public List<String> down() {
        throw missing();
    }

    @Override
    public void awaitRunning(List<String> nodes) {
        throw missing();
    }

    @Override
    public void stop() {
        throw missing();
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
