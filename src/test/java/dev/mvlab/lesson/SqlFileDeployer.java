package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.sql.SqlScript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test deployer: {@code apply x} runs {@code deploy/x.sql} (then {@code deploy/x.backfill.sql} with backfill),
 * {@code drop x} runs {@code deploy/x.drop.sql}. It records every call.
 */
final class SqlFileDeployer implements Deployer {
    final List<String> calls = new ArrayList<>();
    private final Path dir;

    SqlFileDeployer(Path project) {
        this.dir = project.resolve("deploy");
    }

    @Override
    public ApplyOutcome apply(ApplyRequest request, Database db) {
        calls.add("apply " + request.names() + (request.backfill() ? " backfill" : ""));
        List<String> statements = new ArrayList<>();
        for (String name : request.names()) {
            statements.addAll(run(dir.resolve(name + ".sql"), db));
            if (request.backfill() && Files.exists(dir.resolve(name + ".backfill.sql"))) {
                statements.addAll(run(dir.resolve(name + ".backfill.sql"), db));
            }
        }
        return new ApplyOutcome(statements, List.of("applied " + String.join(", ", request.names())));
    }

    @Override
    public ApplyOutcome drop(List<String> names, Database db) {
        calls.add("drop " + names);
        List<String> statements = new ArrayList<>();
        names.forEach(name -> statements.addAll(run(dir.resolve(name + ".drop.sql"), db)));
        return new ApplyOutcome(statements, List.of());
    }

    @Override
    public List<String> unknownNames(List<String> names) {
        return names.stream().filter(name -> !Files.exists(dir.resolve(name + ".sql"))).toList();
    }

    private static List<String> run(Path file, Database db) {
        try {
            List<String> statements = SqlScript.split(Files.readString(file)).stream()
                    .map(SqlScript.Statement::sql).toList();
            statements.forEach(db::execute);
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
