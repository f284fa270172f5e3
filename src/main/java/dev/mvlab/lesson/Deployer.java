package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;

import java.util.List;

/**
 * Deploys a project's datafiles (names from {@code datasources/} and {@code pipes/}) into a database, for the
 * {@code apply} and {@code drop} steps of a lesson. The real implementation wraps the deploy service.
 */
public interface Deployer {

    /** Creates the named data sources and pipes (in dependency order), backfilling views when asked. */
    ApplyOutcome apply(ApplyRequest request, Database db);

    /** Drops the named data sources and pipes. */
    ApplyOutcome drop(List<String> names, Database db);

    /** Runs a copy pipe once ({@code INSERT INTO target SELECT ...}), as its schedule would. */
    default ApplyOutcome copy(String pipe, Database db) {
        throw new UnsupportedOperationException("this deployer runs no copy pipes");
    }

    /**
     * The names among {@code names} that the project does not define, checked before a lesson resets its
     * database; an empty list when all are known (the default, for deployers that cannot tell).
     */
    default List<String> unknownNames(List<String> names) {
        return List.of();
    }
}
