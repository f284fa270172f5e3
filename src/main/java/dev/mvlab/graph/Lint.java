package dev.mvlab.graph;

import dev.mvlab.model.DataSource;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Project;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lint of what the files say, before any SQL runs: a pipe whose name says it feeds a data source but that has no
 * TYPE materialized (so it is an endpoint and feeds nothing). The column lints of materialized views need ClickHouse
 * and run in check.
 */
final class Lint {
    private static final Pattern FEEDING_PREFIX = Pattern.compile("^(feed|populate|mat|materialize|materialized)_");
    private static final Pattern FEEDING_SUFFIX = Pattern.compile("_(mv|materialize|materialized|materialization)$");

    private Lint() {
    }

    static List<Warning> of(Project project) {
        Set<String> written = new LinkedHashSet<>();
        for (Pipe pipe : project.pipes()) {
            pipe.outputNode().map(Node::target).ifPresent(written::add);
        }
        List<Warning> warnings = new ArrayList<>();
        for (Pipe pipe : project.pipes()) {
            if (pipe.outputType() == NodeType.SINK) {
                warnings.add(new Warning(pipe.outputNode().orElseThrow().location(), "sink pipe " + pipe.name()
                        + " exports nothing locally: mvlab checks its query and runs no export", WarningKind.SKIPPED));
            }
            if (pipe.outputType() != NodeType.ENDPOINT || pipe.nodes().stream().anyMatch(n -> n.type()
                    == NodeType.ENDPOINT)) {
                continue;
            }
            String name = pipe.name().toLowerCase(Locale.ROOT);
            boolean feeding = FEEDING_PREFIX.matcher(name).find() || FEEDING_SUFFIX.matcher(name).find();
            if (!feeding) {
                continue;
            }
            String unfed = unfedDataSource(project, name, written);
            Node last = pipe.outputNode().orElseThrow();
            warnings.add(new Warning(last.location(), "pipe " + pipe.name() + " is named like a materialized pipe"
                    + (unfed == null ? "" : " feeding data source " + unfed + " (which nothing writes)")
                    + ", but has no TYPE materialized: it is an endpoint and feeds nothing; add TYPE materialized and "
                    + "DATASOURCE " + (unfed == null ? "<target>" : unfed) + " to node " + last.name(),
                    WarningKind.MV_WITHOUT_TYPE));
        }
        return warnings;
    }

    private static String unfedDataSource(Project project, String pipeName, Set<String> written) {
        String core = FEEDING_SUFFIX.matcher(FEEDING_PREFIX.matcher(pipeName).replaceFirst("")).replaceFirst("");
        for (String candidate : List.of(core + "_mv", core, pipeName.replaceFirst("^[a-z]+_", ""))) {
            for (DataSource ds : project.datasources()) {
                if (ds.name().equalsIgnoreCase(candidate) && !written.contains(ds.name())) {
                    return ds.name();
                }
            }
        }
        return null;
    }
}
