package dev.mvlab.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every data source and pipe of a project folder, as parsed, with the warnings the parser gave. */
public record Project(Path root, List<DataSource> datasources, List<Pipe> pipes, List<Warning> warnings) {

    public Optional<DataSource> datasource(String name) {
        return datasources.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<Pipe> pipe(String name) {
        return pipes.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
