package dev.mvlab.cli;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.render.Plan;
import dev.mvlab.render.Statement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Writes a plan as numbered files, {@code 01_table_estore_events.sql}, in apply order. */
final class SqlFiles {
    private SqlFiles() {
    }

    static List<Path> write(Plan plan, Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path file : old.filter(f -> f.getFileName().toString().matches("\\d+_.*\\.sql")).toList()) {
                    Files.delete(file);
                }
            }
            List<Path> written = new ArrayList<>();
            int width = Math.max(2, String.valueOf(plan.statements().size()).length());
            int n = 0;
            for (Statement statement : plan.statements()) {
                n++;
                Path file = dir.resolve(String.format(Locale.ROOT, "%0" + width + "d_%s_%s.sql", n, kind(statement),
                        statement.object()));
                Files.writeString(file, statement.terminated() + "\n");
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot write SQL files to " + dir + ": " + e.getMessage());
        }
    }

    private static String kind(Statement statement) {
        return switch (statement.kind()) {
            case CREATE_TABLE, CREATE_TABLE_AS_SELECT -> "table";
            case CREATE_MATERIALIZED_VIEW -> "mv";
            case CREATE_VIEW -> "view";
            case COPY -> "copy";
            case TRUNCATE_TABLE -> "truncate";
            case DROP_TABLE -> "drop_table";
            case DROP_VIEW -> "drop_view";
        };
    }
}
