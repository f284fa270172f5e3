package dev.mvlab.deploy;

import dev.mvlab.engine.Database;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.render.Statement;

import java.util.Map;
import java.util.UUID;

/**
 * A throwaway database named {@code mvlab_shadow_<random>}: statements are tried there to validate them, or to see how
 * the server normalises them, and the database is dropped on close. It never touches the user's database.
 */
final class Shadow implements AutoCloseable {
    private final Database server;
    private final String name;
    private final Database db;

    private Shadow(Database server, String name) {
        this.server = server;
        this.name = name;
        server.createDatabase(name);
        this.db = server.use(name);
    }

    static Shadow create(Database server) {
        return new Shadow(server, "mvlab_shadow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    String name() {
        return name;
    }

    Database db() {
        return db;
    }

    /** Runs a statement; a refusal names the datafile position the statement came from. */
    void execute(Statement statement) {
        try {
            db.execute(statement.sql());
        } catch (DatabaseException e) {
            throw Failures.at(statement, e);
        }
    }

    /** The shadow's objects, with the shadow's name replaced by {@code database} in their create queries. */
    Map<String, ServerObject> catalog(String database) {
        return Catalog.read(server, name, database);
    }

    @Override
    public void close() {
        try {
            db.close();
        } finally {
            server.dropDatabase(name);
        }
    }
}
