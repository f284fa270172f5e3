package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.verify.Check;
import dev.mvlab.verify.CheckFileReader;
import dev.mvlab.verify.Verdict;
import dev.mvlab.yaml.YamlScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code verify:} a check or a list of checks (declared in the lesson or in the project's {@code checks/}), with an
 * optional {@code expect: MATCH|DRIFT} that overrides what each check declares. In a cluster lesson the checks are
 * asked on the node {@code on:} names (default the first): the data sources' names there are what that node sees.
 */
record VerifyStep(StepInfo info, List<Check> checks, Verdict expect, NodeSelection on) implements Step {

    static Step parse(StepSpec spec) {
        spec.allow("expect", NodeSelection.FIELD);
        List<Check> checks = new ArrayList<>();
        for (YamlScalar name : spec.names()) {
            Check check = spec.checks().get(name.text());
            if (check == null) {
                throw spec.error(name, "no check named '" + name.text() + "'", spec.checks().isEmpty()
                        ? "declare checks under 'checks:' in the manifest, or in checks/*.yaml"
                        : "known checks: " + String.join(", ", new TreeSet<>(spec.checks().keySet())));
            }
            checks.add(check);
        }
        Verdict expect = spec.map().has("expect") ? CheckFileReader.expect(spec.map(), "expect") : null;
        return new VerifyStep(spec.info(), checks, expect, NodeSelection.of(spec));
    }

    @Override
    public StepKind kind() {
        return StepKind.VERIFY;
    }

    private Verdict expected(Check check) {
        return expect != null ? expect : check.expect();
    }

    @Override
    public List<StepOutput> preview() {
        List<StepOutput> preview = new ArrayList<>();
        for (Check check : checks) {
            preview.add(new StepOutput.Info("check " + check.name() + ", expecting " + expected(check)));
        }
        return NodeSelection.preview(on, preview);
    }

    @Override
    public void run(StepContext context) {
        context.where(on);
        for (Database db : context.databases(on).values()) {
            for (Check check : checks) {
                context.verdict(context.verifier().verify(check, expected(check), db));
            }
        }
    }
}
