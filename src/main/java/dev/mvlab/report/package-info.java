/**
 * Self-contained HTML pages: a lesson run ({@link dev.mvlab.report.LessonPage}), a project
 * ({@link dev.mvlab.report.ProjectPage}) and an index; with the lineage as a diagram, charts, verdicts and their diff
 * tables. The pages inline the vendored libraries, so they open without a network.
 */
package dev.mvlab.report;
