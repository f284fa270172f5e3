package dev.mvlab.verify;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CheckFileReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private MvlabException failure(String text) throws IOException {
        Path file = write("bad.yaml", text);
        MvlabException e = catchThrowableOfType(MvlabException.class, () -> CheckFileReader.read(file));
        assertThat(e).as("reading should fail").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.DATAFILE);
        return e;
    }

    private String firstLine(MvlabException e) {
        return e.getMessage().lines().findFirst().orElseThrow().replace(dir + "/", "");
    }

    @Test
    void readsEveryFieldOfACheck() throws IOException {
        Path file = write("checks/shop.yaml", """
                checks:
                  - name: revenue
                    description: revenue per product
                    mv: |
                      SELECT product, sumMerge(revenue) AS revenue FROM revenue_by_product GROUP BY product
                    raw: SELECT product, sum(price) AS revenue FROM events GROUP BY product
                    keys: [product]
                    tolerance: {absolute: 0.01, relative: 1e-6}
                  - name: late_rows
                    mv: SELECT count() AS n FROM a
                    raw: SELECT count() AS n FROM b
                    keys: day
                    tolerance: 0.5
                    expect: drift
                """);

        List<Check> checks = CheckFileReader.readProject(dir);
        assertThat(checks).hasSize(2);
        Check revenue = checks.get(0);
        assertThat(revenue.name()).isEqualTo("revenue");
        assertThat(revenue.mv()).isEqualTo(
                "SELECT product, sumMerge(revenue) AS revenue FROM revenue_by_product GROUP BY product");
        assertThat(revenue.keys()).containsExactly("product");
        assertThat(revenue.tolerance()).isEqualTo(new Tolerance(0.01, 1e-6));
        assertThat(revenue.expect()).isEqualTo(Verdict.MATCH);
        assertThat(revenue.location().line()).isEqualTo(2);
        Check late = checks.get(1);
        assertThat(late.keys()).containsExactly("day");
        assertThat(late.tolerance()).isEqualTo(new Tolerance(0.5, 0));
        assertThat(late.expect()).isEqualTo(Verdict.DRIFT);
        assertThat(CheckFileReader.readProject(dir.resolve("nowhere"))).isEmpty();
    }

    @Test
    void aYamlSyntaxErrorNamesItsLineAndColumn() throws IOException {
        MvlabException e = failure("""
                checks:
                  - name: a
                    keys: [product, day
                    mv: SELECT 1
                """);
        assertThat(firstLine(e)).isEqualTo("bad.yaml:4:7: YAML syntax: expected ',' or ']', but got : "
                + "(while parsing a flow sequence at line 3)");
        assertThat(e.getMessage()).contains("\n  4 |     mv: SELECT 1\n    |       ^");
    }

    @Test
    void anUnknownFieldIsNamedWithWhatIsAllowed() throws IOException {
        MvlabException e = failure("""
                checks:
                  - name: a
                    mv: SELECT 1 AS k
                    raw: SELECT 1 AS k
                    key: [k]
                """);
        assertThat(firstLine(e)).isEqualTo("bad.yaml:5:5: unknown field 'key' in a check");
        assertThat(e.hint()).isEqualTo("expected one of: name, description, mv, raw, keys, tolerance, expect");
    }

    @Test
    void aMissingQueryIsNamed() throws IOException {
        assertThat(firstLine(failure("""
                checks:
                  - name: a
                    mv: SELECT 1 AS k
                """))).isEqualTo("bad.yaml:2:5: check 'a' needs the field 'raw'");
    }

    @Test
    void anExpectationIsMatchOrDrift() throws IOException {
        assertThat(firstLine(failure("""
                checks:
                  - name: a
                    mv: SELECT 1 AS k
                    raw: SELECT 1 AS k
                    expect: same
                """))).isEqualTo("bad.yaml:5:13: 'expect' is MATCH or DRIFT, not 'same'");
    }

    @Test
    void aToleranceIsANumberOrAMap() throws IOException {
        assertThat(firstLine(failure("""
                checks:
                  - name: a
                    mv: SELECT 1 AS k
                    raw: SELECT 1 AS k
                    tolerance: {absolute: lots}
                """))).isEqualTo("bad.yaml:5:27: 'absolute' must be a number, not 'lots'");
        assertThat(firstLine(failure("""
                checks:
                  - name: a
                    mv: SELECT 1 AS k
                    raw: SELECT 1 AS k
                    tolerance: -1
                """))).isEqualTo("bad.yaml:5:16: a tolerance cannot be negative");
    }

    @Test
    void aNameDeclaredTwiceNamesBothPlaces() throws IOException {
        MvlabException e = failure("""
                checks:
                  - {name: a, mv: SELECT 1 AS k, raw: SELECT 1 AS k}
                  - {name: a, mv: SELECT 2 AS k, raw: SELECT 2 AS k}
                """);
        assertThat(firstLine(e)).isEqualTo("bad.yaml:3:5: a check named 'a' is already declared at bad.yaml:2:5");
    }

    @Test
    void aCheckFileIsAMapWithAChecksList() throws IOException {
        assertThat(firstLine(failure("- name: a\n"))).isEqualTo(
                "bad.yaml:1:1: a check file is a map with a 'checks:' list, not a list");
        assertThat(firstLine(failure("checks: SELECT 1\n"))).isEqualTo(
                "bad.yaml:1:9: 'checks' must be a list (of check maps), not a text");
        assertThat(firstLine(failure("checks:\n  - name: a\nchecks: []\n"))).isEqualTo(
                "bad.yaml:3:1: duplicate key 'checks' (first at line 1)");
        assertThat(firstLine(failure(""))).isEqualTo("bad.yaml:1:1: the file is empty");
    }
}
