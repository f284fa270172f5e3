package dev.mvlab.generate;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Project;

import java.util.List;

/** Which data source of a project receives the events: the named one, or the only one with JSONPaths. */
public final class LandingChoice {
    private LandingChoice() {
    }

    public static DataSource choose(Project project, String name) {
        List<DataSource> landing = project.datasources().stream().filter(DataSource::hasJsonPaths).toList();
        List<String> names = landing.stream().map(DataSource::name).toList();
        if (name != null) {
            DataSource chosen = project.datasource(name).orElseThrow(() -> new MvlabException(ExitCode.USAGE,
                    "no data source '" + name + "' in " + project.root(), names.isEmpty()
                    ? "add datasources/" + name + ".datasource with JSONPaths (`json:$.path`) on its columns"
                    : "landing data sources here: " + String.join(", ", names)));
            if (!chosen.hasJsonPaths()) {
                throw new MvlabException(ExitCode.DATAFILE, "data source '" + name + "' has no JSONPaths, so JSON "
                        + "events cannot be mapped into it (" + chosen.location() + ")", names.isEmpty()
                        ? "give its columns paths such as `json:$.customer_id`"
                        : "landing data sources here: " + String.join(", ", names));
            }
            return chosen;
        }
        if (landing.isEmpty()) {
            throw new MvlabException(ExitCode.DATAFILE, "no landing data source in " + project.root()
                    + ": none has JSONPaths (`json:$.path`) on its columns",
                    "add one to datasources/, or write the stream to a file with --out FILE");
        }
        if (landing.size() > 1) {
            throw new MvlabException(ExitCode.USAGE, "several landing data sources: " + String.join(", ", names),
                    "choose one with --datasource NAME");
        }
        return landing.get(0);
    }
}
