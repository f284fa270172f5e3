package dev.mvlab.template;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Hostile or broken templates end in a located TemplateException, never a StackOverflowError or a hang. */
class TemplateRobustnessTest {
    private static final SourceLocation ORIGIN = new SourceLocation(Path.of("pipes/p.pipe"), 3, 5);

    private static TemplateException parseError(String template) {
        return catchThrowableOfType(TemplateException.class, () -> Templates.parse(template, ORIGIN));
    }

    private static TemplateException renderError(String template, Map<String, String> params) {
        Template t = Templates.parse(template, ORIGIN);
        return catchThrowableOfType(TemplateException.class,
                () -> t.render(ParameterValues.of(params), Secrets.none()));
    }

    @Test
    void threeThousandNestedParenthesesAreRefusedCleanly() {
        TemplateException e = parseError("%\nSELECT {{ " + "(".repeat(3000) + "1" + ")".repeat(3000) + " }}");
        assertThat(e.kind()).isEqualTo(TemplateException.Kind.SYNTAX);
        assertThat(e.getMessage()).startsWith("pipes/p.pipe:4:").contains("nested too deeply");
        assertThat(e.exitCode()).isEqualTo(ExitCode.DATAFILE);
    }

    @Test
    void twentyThousandNestedArrayCallsAreRefusedCleanly() {
        TemplateException e = parseError("%\n{{ " + "Array(".repeat(20_000) + "x" + ")".repeat(20_000) + " }}");
        assertThat(e.getMessage()).contains("nested too deeply");
    }

    @Test
    void deeplyNestedBlocksAndUnaryOperatorsAreRefusedCleanly() {
        assertThat(parseError("%\n" + "{% if 1 %}".repeat(5000) + "{% end %}".repeat(5000)).getMessage())
                .contains("nested too deeply");
        assertThat(parseError("%\n{{ " + "not ".repeat(5000) + "1 }}").getMessage()).contains("nested too deeply");
        assertThat(parseError("%\n{{ " + "-".repeat(5000) + "1 }}").getMessage()).contains("nested too deeply");
        assertThat(parseError("%\n{{ 2" + " ** 2".repeat(5000) + " }}").getMessage()).contains("nested too deeply");
    }

    @Test
    void runawayLoopsAndHugeValuesStopWithAnError() {
        String loops = "%\n{% for a in x %}{% for b in x %}{% for c in x %}{% end %}{% end %}{% end %}";
        assertThat(renderError(loops, Map.of("x", "y".repeat(1000))).getMessage()).contains("steps");
        assertThat(renderError("%\n{{ 'a' * 10000000000 }}", Map.of()).getMessage()).contains("too large");
        assertThat(renderError("%\n{{ 10 ** 100000 }}", Map.of()).getMessage()).contains("too large");
        assertThat(renderError("%\n{{ Int32(n, 1) // 0 }}", Map.of()).getMessage()).contains("ZeroDivisionError");
    }

    @Test
    void brokenTagsAreLocated() {
        TemplateException open = parseError("%\nSELECT 1\nWHERE {% if defined(x) %} a = 1");
        assertThat(open.getMessage()).isEqualTo("pipes/p.pipe:5:11: Missing {% end %} block for if at line 3");
        assertThat(parseError("%\nSELECT {{ x").getMessage()).startsWith("pipes/p.pipe:4:12: missing end of template tag }}");
        assertThat(parseError("%\n{% end %}").getMessage()).contains("without an open");
        assertThat(parseError("%\n{% while x %}{% end %}").getMessage()).contains("unsupported template tag {% while %}");
        assertThat(parseError("%\n{{ x.upper() }}").getMessage()).contains("attribute access");
        assertThat(parseError("%\n{{ 'unclosed }}").getMessage()).contains("string literal is not closed");
        assertThat(parseError("%\n{{ }}").getMessage()).contains("empty expression");
    }

    @Test
    void errorsSayWhoseFaultTheyAre() {
        assertThat(renderError("%\n{{ Int32(n) }}", Map.of("n", "x")).isParameterError()).isTrue();
        assertThat(renderError("%\n{{ Int32(n) }}", Map.of()).isParameterError()).isTrue();
        TemplateException raised = renderError("%\n{{ error('no', 403) }}", Map.of());
        assertThat(raised.kind()).isEqualTo(TemplateException.Kind.RAISED);
        assertThat(raised.httpStatus()).isEqualTo(403);
        TemplateException custom = renderError("%\n{{ custom_error({'error': 'gone', 'code': 410}) }}", Map.of());
        assertThat(custom.httpStatus()).isEqualTo(410);
        assertThat(custom.customBody()).isEqualTo("{\"error\":\"gone\",\"code\":410}");
        assertThat(renderError("%\n{{ tb_secret('k') }}", Map.of()).kind()).isEqualTo(TemplateException.Kind.SECRET);
        assertThat(renderError("%\n{% set a = b %}", Map.of()).kind()).isEqualTo(TemplateException.Kind.EVALUATION);
    }

    @Test
    void aTemplateIsParsedOnceAndRendersConcurrently() throws Exception {
        Template t = Templates.parse("%\nSELECT {{ Int32(n, 0) }}, {{ String(s, 'x') }}", ORIGIN);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            Thread thread = new Thread(() -> {
                for (int k = 0; k < 500; k++) {
                    String sql = t.render(ParameterValues.of(Map.of("n", "" + n, "s", "v" + n)), Secrets.none());
                    if (!sql.equals("\nSELECT toInt32('" + n + "'), 'v" + n + "'")) {
                        wrong.add(sql);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(wrong).isEmpty();
    }
}
