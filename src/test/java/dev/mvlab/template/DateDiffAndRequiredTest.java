package dev.mvlab.template;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tinybird's rules for date_diff_in_* without a request (its placeholder gives {@code default} or 0) and for the
 * required-parameter error (it names every parameter without a default).
 */
class DateDiffAndRequiredTest {

    @Test
    void withoutARequestADateDiffOverAParameterWithoutDefaultIsZeroOrItsDefault() {
        for (String unit : new String[] {"seconds", "minutes", "hours", "days"}) {
            Template t = Templates.parse("%\nSELECT {{ date_diff_in_" + unit + "(start, end) }}, "
                    + "{{ date_diff_in_" + unit + "(start, end, default=7) }}, "
                    + "{{ date_diff_in_" + unit + "(start, end, '%Y-%m-%d %H:%M:%S', 9) }}, "
                    + "{{ DateTime(start) }}", null);
            assertThat(t.renderDefaults(Secrets.none())).as(unit)
                    .isEqualTo("\nSELECT 0, 7, 9, '2019-01-01 00:00:00'");
        }
        assertThat(Templates.parse("%{{ day_diff(a, b) }}", null).renderDefaults(Secrets.none())).isEqualTo("0");
        Template t = Templates.parse("%\n{% if date_diff_in_hours(a, b) > 48 %}day{% else %}hour{% end %}", null);
        assertThat(t.renderDefaults(Secrets.none())).isEqualTo("\nhour");
        assertThat(t.render(ParameterValues.of(Map.of("a", "2024-01-01 00:00:00", "b", "2024-01-04 00:00:00")),
                Secrets.none())).isEqualTo("\nday");
    }

    @Test
    void theBackupFormatIsTheFifthArgumentAsInTinybird() {
        Template t = Templates.parse("%{{ date_diff_in_days(a, b, '%Y-%m-%d %H:%M:%S', 0, '%Y/%m/%d') }}", null);
        assertThat(t.render(ParameterValues.of(Map.of("a", "2024/01/01", "b", "2024/01/04")), Secrets.none()))
                .isEqualTo("3");
    }

    @Test
    void theRequiredParameterErrorListsEveryParameterWithoutDefault() {
        Template t = Templates.parse("%\nSELECT {{ String(test) }}, {{ String(category, 'shirts') }}, "
                + "{{ Int32(color) }}{% if defined(extra) %}, 1{% end %}", null);
        TemplateException e = catchThrowableOfType(() -> t.render(ParameterValues.of(Map.of("test", "a")),
                Secrets.none()), TemplateException.class);
        assertThat(e.getMessage()).contains("Required parameter is not defined. Check the parameters test and color. "
                + "Please provide a value or set a default value in the pipe code.");
        Template three = Templates.parse("%{{ DateTime(a) }} {{ DateTime(b) }} {{ x }} {{ Int8(n, 3) }}", null);
        TemplateException all = catchThrowableOfType(() -> three.render(ParameterValues.none(), Secrets.none()),
                TemplateException.class);
        assertThat(all.getMessage()).contains("Check the parameters a, b and x.");
    }
}
