package dev.mvlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvlab.deploy.ApplyResult;
import dev.mvlab.deploy.AppliedStatement;
import dev.mvlab.deploy.CheckIssue;
import dev.mvlab.deploy.ProjectCheckResult;
import dev.mvlab.deploy.DiffResult;
import dev.mvlab.deploy.ObjectDiff;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.graph.ProjectObject;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.render.Statement;
import dev.mvlab.verify.Comparison;
import dev.mvlab.verify.ValueDifference;
import dev.mvlab.verify.VerificationReport;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --format json} documents of apply, diff, check, plan and verify: one object each, snake_case keys,
 * enums in lower case. Their shape is documented in the README; add keys rather than change them.
 */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    static void print(PrintWriter out, ObjectNode document) {
        try {
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode apply(ApplyResult result) {
        ObjectNode root = MAPPER.createObjectNode().put("database", result.database()).put("dry_run", result.dryRun());
        for (AppliedStatement.Action action : AppliedStatement.Action.values()) {
            root.put(name(action), result.count(action));
        }
        ArrayNode steps = root.putArray("statements");
        for (AppliedStatement step : result.steps()) {
            ObjectNode node = statement(steps.addObject(), step.statement()).put("action", name(step.action()));
            if (result.dryRun()) {
                node.put("sql", step.statement().sql());
            }
        }
        return root;
    }

    static ObjectNode diff(DiffResult result, boolean strict) {
        ObjectNode root = MAPPER.createObjectNode().put("database", result.database())
                .put("clean", DeployReport.clean(result, strict));
        ArrayNode objects = root.putArray("objects");
        for (ObjectDiff diff : result.objects()) {
            ObjectNode node = objects.addObject().put("name", diff.name()).put("kind", diff.kind())
                    .put("status", diff.status() == ObjectDiff.Status.EXTRA ? "other" : name(diff.status()));
            diff.details().forEach(node.putArray("details")::add);
        }
        return root;
    }

    static ObjectNode check(ProjectCheckResult result) {
        ObjectNode root = MAPPER.createObjectNode().put("ok", result.ok()).put("statements", result.statements())
                .put("engine_checked", result.engineChecked()).put("skipped", result.skipped());
        ArrayNode issues = root.putArray("issues");
        for (CheckIssue issue : result.issues()) {
            ObjectNode node = location(issues.addObject(), issue.origin()).put("object", issue.object())
                    .put("message", issue.message());
            node.put("sql", issue.sql());
        }
        return root;
    }

    static ObjectNode plan(ProjectGraph graph) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode order = root.putArray("apply_order");
        List<ProjectObject> objects = graph.applyOrder();
        for (ProjectObject o : objects) {
            ObjectNode node = location(order.addObject().put("name", o.name()).put("kind", o.kind().label())
                    .put("inline_table", o.inlineTable()), o.location());
            o.reads().forEach(node.putArray("reads")::add);
            node.put("writes", o.writes());
        }
        return root;
    }

    static ObjectNode verify(String database, VerificationReport report) {
        ObjectNode root = MAPPER.createObjectNode().put("database", database).put("as_expected", report.asExpected());
        ArrayNode checks = root.putArray("checks");
        report.results().forEach(r -> {
            Comparison c = r.comparison();
            ObjectNode node = checks.addObject().put("name", r.check().name()).put("verdict", name(r.verdict()))
                    .put("expected", name(r.expected())).put("as_expected", r.asExpected())
                    .put("mv_rows", c.mvRows()).put("raw_rows", c.rawRows()).put("only_in_mv", c.onlyInMv())
                    .put("only_in_raw", c.onlyInRaw()).put("differing_rows", c.differingRows())
                    .put("differing_values", c.differingValues()).put("duplicate_keys_in_mv", c.duplicateKeysInMv())
                    .put("duplicate_keys_in_raw", c.duplicateKeysInRaw())
                    .put("compared_nothing", c.mvRows() == 0 && c.rawRows() == 0);
            ArrayNode differences = node.putArray("differences");
            for (ValueDifference d : c.differences()) {
                ObjectNode diff = differences.addObject();
                diff.set("key", ResultFormat.jsonValue(d.key()));
                diff.put("column", d.column());
                diff.set("mv", ResultFormat.jsonValue(d.mvValue()));
                diff.set("raw", ResultFormat.jsonValue(d.rawValue()));
            }
        });
        return root;
    }

    private static ObjectNode statement(ObjectNode node, Statement statement) {
        return location(node.put("object", statement.object()).put("kind", name(statement.kind())), statement.origin());
    }

    private static ObjectNode location(ObjectNode node, SourceLocation location) {
        if (location != null) {
            node.put("file", location.file().toString()).put("line", location.line());
        }
        return node;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
