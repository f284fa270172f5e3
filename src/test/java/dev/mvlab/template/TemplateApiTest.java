package dev.mvlab.template;

import dev.mvlab.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The package's API as other packages use it: recognise, parse once, list parameters, render in both modes. */
class TemplateApiTest {
    private static final SourceLocation ORIGIN = new SourceLocation(Path.of("endpoints/top.pipe"), 12, 5);

    @Test
    void aTemplateIsSqlWhoseFirstLineIsPercent() {
        assertThat(Templates.isTemplate("%\nSELECT 1")).isTrue();
        assertThat(Templates.isTemplate("\n  %\n  SELECT 1")).isTrue();
        assertThat(Templates.isTemplate("SELECT '%'")).isFalse();
        Template plain = Templates.parse("SELECT '{{ x }}'", ORIGIN);
        assertThat(plain.isTemplated()).isFalse();
        assertThat(plain.renderDefaults(Secrets.none())).isEqualTo("SELECT '{{ x }}'");
        assertThat(plain.parameters()).isEmpty();
    }

    @Test
    void parametersAreListedWithTypeDefaultDescriptionAndLocation() {
        Template t = Templates.parse("%\nSELECT *\nFROM t\nWHERE d >= {{ Date(since, '2024-01-01', required=True) }}\n"
                + "{% if defined(country) %}AND c = {{ String(country, description=\"ISO code\") }}{% end %}\n"
                + "{% for v in Array(tags, 'Int8', default='1,2') %}{{ v }}{% end %}\n"
                + "LIMIT {{ Int32(limit, 10, example='5') }}", ORIGIN);
        List<TemplateParameter> p = t.parameters();
        assertThat(p).extracting(TemplateParameter::name).containsExactly("since", "country", "tags", "limit");
        assertThat(p.get(0)).isEqualTo(new TemplateParameter("since", "Date", "2024-01-01", null, null, true,
                new SourceLocation(Path.of("endpoints/top.pipe"), 15, 19)));
        assertThat(p.get(1).type()).isEqualTo("String");
        assertThat(p.get(1).description()).isEqualTo("ISO code");
        assertThat(p.get(2).type()).isEqualTo("Array(Int8)");
        assertThat(p.get(2).defaultValue()).isEqualTo("1,2");
        assertThat(p.get(3).example()).isEqualTo("5");
    }

    @Test
    void aParameterASetGivesADefaultIsStillListedButLoopVariablesAreNot() {
        Template t = Templates.parse("%{% set limit = Int32(limit, 10) %}{% for c in split_to_array(cols, 'a') %}"
                + "{{ c }}{% end %} LIMIT {{ limit }}", null);
        assertThat(t.parameters()).extracting(TemplateParameter::name).containsExactly("limit", "cols");
        assertThat(t.render(ParameterValues.of(Map.of("limit", "3")), Secrets.none())).isEqualTo("'a' LIMIT toInt32('3')");
    }

    @Test
    void renderingKeepsTheLinesOfTheDatafile() {
        Template t = Templates.parse("%\nSELECT 1\n{% if defined(a) %}\nAND a = {{ String(a) }}\n{% end %}\n"
                + "{# two\nlines #}\nLIMIT {{\n  Int32(n, 5)\n}}\nFORMAT JSON", ORIGIN);
        String defaults = t.renderDefaults(Secrets.none());
        String called = t.render(ParameterValues.of(Map.of("a", "x")), Secrets.none());
        List<String> source = t.source().lines().toList();
        for (String sql : List.of(defaults, called)) {
            List<String> lines = sql.lines().toList();
            assertThat(lines).hasSize(source.size());
            assertThat(lines.get(source.indexOf("FORMAT JSON"))).isEqualTo("FORMAT JSON");
        }
        assertThat(called.lines().toList().get(3)).isEqualTo("AND a = 'x'");
        // the lines a construct owes go in at the end of the SQL line, never inside it
        assertThat(defaults.lines().toList().get(source.indexOf("LIMIT {{"))).isEqualTo("LIMIT toInt32('5')");
        Template where = Templates.parse("%\nWHERE d\n>= {{\n Date(d, '2024-01-01') }} AND x\nLIMIT 1", ORIGIN);
        assertThat(where.renderDefaults(Secrets.none()).lines().toList())
                .containsExactly("", "WHERE d", ">= '2024-01-01' AND x", "", "LIMIT 1");
    }

    @Test
    void repeatedRequestValuesFeedArraysAndTheLastOneFeedsScalars() {
        Template t = Templates.parse("%{{ Array(a, 'Int32') }} {{ String(a) }}", null);
        assertThat(t.render(ParameterValues.ofLists(Map.of("a", List.of("1", "2,3"))), Secrets.none()))
                .isEqualTo("[1,2,3] '2,3'");
    }
}
