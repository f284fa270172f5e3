package dev.mvlab.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TinybirdTemplateTest {

    @Test
    void plainSqlIsLeftAlone() {
        assertThat(TinybirdTemplate.expand("SELECT '{{ x }}'")).isEqualTo("SELECT '{{ x }}'");
    }

    @Test
    void typedParametersBecomeTheirDefaultsAsLiterals() {
        String sql = "%\nSELECT {{ Int32(limit, 10) }}, {{String(name, 'O\\'Brien', description=\"who\")}}, "
                + "{{ DateTime(since, \"2024-01-01 00:00:00\") }}, {{ Float64(f, -1.5) }}, {{ Boolean(b, True) }}";
        assertThat(TinybirdTemplate.expand(sql))
                .isEqualTo("\nSELECT 10, 'O\\'Brien', '2024-01-01 00:00:00', -1.5, 1");
    }

    @Test
    void ifDefinedBlocksAreDroppedKeepingTheElsePartAndLineBreaks() {
        String sql = "%\nSELECT 1\n{% if defined(a) %}\nWHERE a = {{ String(a, 'x') }}\n{% else %}\nWHERE 1\n{% end %}"
                + "\n{% if not defined(b) %}LIMIT 5{% end %}";
        assertThat(TinybirdTemplate.expand(sql)).isEqualTo("\nSELECT 1\n\n\n\nWHERE 1\n\nLIMIT 5");
    }

    @Test
    void aParameterWithoutDefaultIsRefusedAtItsOffset() {
        String sql = "%\nSELECT * FROM t WHERE id = {{ id }}";
        TinybirdTemplate.Unsupported error = catchThrowableOfType(TinybirdTemplate.Unsupported.class,
                () -> TinybirdTemplate.expand(sql));
        assertThat(error.getMessage()).isEqualTo("template parameter `id` has no default value");
        assertThat(error.offset).isEqualTo(sql.indexOf("{{"));
    }

    @Test
    void otherFunctionsAndDirectivesAreRefused() {
        assertThat(catchThrowableOfType(TinybirdTemplate.Unsupported.class,
                () -> TinybirdTemplate.expand("%\nSELECT {{ columns(cols, 'a') }}")).getMessage())
                .isEqualTo("unsupported template expression {{ columns(cols, 'a') }}");
        assertThat(catchThrowableOfType(TinybirdTemplate.Unsupported.class,
                () -> TinybirdTemplate.expand("%\n{% for x in y %}1{% end %}")).getMessage())
                .isEqualTo("unsupported template directive {% for x in y %}");
        assertThat(catchThrowableOfType(TinybirdTemplate.Unsupported.class,
                () -> TinybirdTemplate.expand("%\n{% if defined(x) %}1")).getMessage())
                .isEqualTo("a {% if %} block is not closed");
    }
}
