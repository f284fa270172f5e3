package dev.mvlab.report;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The browser libraries every page inlines, vendored into the jar at build time from npm (pinned and checked in
 * {@code src/main/report-assets/report-assets.lock}): Mermaid for the lineage, Chartist for the bar charts,
 * highlight.js for SQL.
 */
enum Assets {
    MERMAID("mermaid.min.js"),
    CHARTIST("chartist.umd.js"),
    CHARTIST_CSS("chartist.css"),
    HIGHLIGHT("highlight.min.js"),
    HIGHLIGHT_CSS("highlight-github.min.css");

    private final String file;
    private String text;

    Assets(String file) {
        this.file = file;
    }

    /** The file's text, with {@code </script} made harmless for inlining. */
    synchronized String text() {
        if (text == null) {
            try (InputStream in = Assets.class.getResourceAsStream("vendor/" + file)) {
                if (in == null) {
                    throw new MvlabException(ExitCode.USAGE, "this build of mvlab lacks " + file + " for HTML pages",
                            "rebuild with Maven (mvn package); it fetches the page libraries from npm once");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
            } catch (IOException e) {
                throw new MvlabException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage());
            }
        }
        return text;
    }
}
