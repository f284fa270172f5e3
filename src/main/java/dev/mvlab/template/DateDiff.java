package dev.mvlab.template;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code day_diff(d1, d2)} (ISO dates) and {@code date_diff_in_seconds/minutes/hours/days(d1, d2, date_format=...,
 * default=None, backup_date_format=..., none_if_error=False)}: the absolute difference, in whole units. Without a
 * request ({@link RenderMode#DEFAULTS}) a missing date gives {@code default} or 0, as Tinybird's placeholder does.
 */
final class DateDiff {
    static final Set<String> NAMES = Set.of("day_diff", "date_diff_in_seconds", "date_diff_in_minutes",
            "date_diff_in_hours", "date_diff_in_days");
    private static final String DEFAULT_FORMAT = "%Y-%m-%d %H:%M:%S";
    private static final Pattern ISO_Z = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,6})?Z");
    private static final Map<Character, String> DIRECTIVES = Map.of('Y', "(\\d{4})", 'm', "(\\d{1,2})",
            'd', "(\\d{1,2})", 'H', "(\\d{1,2})", 'M', "(\\d{1,2})", 'S', "(\\d{1,2})", 'f', "(\\d{1,6})",
            'y', "(\\d{2})", 'z', "([+-]\\d{4}|Z)");

    private DateDiff() {
    }

    static Object call(CallSite call) {
        if (call.defaultsMode() && (call.arg(0) == null || call.arg(1) == null)) {
            // no request: Tinybird's placeholder for a missing parameter gives `default` (when truthy) or 0;
            // day_diff passes no default on
            Object dflt = call.function().equals("day_diff") ? null : call.arg(3, "default");
            return dflt != null && PyValues.truthy(dflt) ? dflt : BigInteger.ZERO;
        }
        if (call.function().equals("day_diff")) {
            LocalDate a = isoDate(call.arg(0));
            LocalDate b = isoDate(call.arg(1));
            if (a == null || b == null) {
                throw call.errors().parameter(call.pos(), "invalid date format in function `day_diff`, it must be "
                        + "ISO format date YYYY-MM-DD, e.g. 2018-09-26. For other fotmats, try `date_diff_in_days`",
                        "pass dates as YYYY-MM-DD");
            }
            return BigInteger.valueOf(Math.abs(ChronoUnit.DAYS.between(a, b)));
        }
        // Tinybird's signature: (d0, d1, date_format, default, backup_date_format, none_if_error)
        Object format = call.arg(2, "date_format");
        Object backup = call.arg(4, "backup_date_format");
        LocalDateTime a = parse(call.arg(0), format, backup);
        LocalDateTime b = parse(call.arg(1), format, backup);
        if (a == null || b == null) {
            if (call.flag("none_if_error", false)) {
                return null;
            }
            throw call.errors().parameter(call.pos(), "invalid date_format in function `" + call.function()
                    + "`, defaults to YYYY-MM-DD hh:mm:ss. Or %Y-%m-%d %H:%M:%S [.ssssss]Z, e.g. ms: "
                    + "2022-12-19T18:42:22.591Z s:2022-12-19T18:42:22Z", "pass date and times as YYYY-MM-DD hh:mm:ss");
        }
        long seconds = Math.abs(Duration.between(a, b).getSeconds());
        long unit = switch (call.function()) {
            case "date_diff_in_minutes" -> 60;
            case "date_diff_in_hours" -> 3600;
            case "date_diff_in_days" -> 86400;
            default -> 1;
        };
        return BigInteger.valueOf(seconds / unit);
    }

    private static LocalDate isoDate(Object v) {
        if (!PyValues.isText(v) || !TypeFunctions.isDate(PyValues.text(v))) {
            return null;
        }
        return LocalDate.parse(PyValues.text(v));
    }

    private static LocalDateTime parse(Object value, Object format, Object backup) {
        if (!PyValues.isText(value)) {
            return null;
        }
        String text = PyValues.text(value);
        LocalDateTime t = strptime(text, format == null ? DEFAULT_FORMAT : TypeFunctions.str(format));
        if (t == null) {
            Matcher iso = ISO_Z.matcher(text);
            if (iso.matches()) {
                t = strptime(text.substring(0, 19).replace('T', ' '), DEFAULT_FORMAT);
            }
        }
        if (t == null && backup != null) {
            t = strptime(text, TypeFunctions.str(backup));
        }
        return t;
    }

    /** A subset of Python's strptime: %Y %m %d %H %M %S %f %y %z and literal text. */
    static LocalDateTime strptime(String text, String format) {
        StringBuilder regex = new StringBuilder();
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char d = format.charAt(++i);
                if (d == '%') {
                    regex.append("%");
                    continue;
                }
                String group = DIRECTIVES.get(d);
                if (group == null) {
                    return null;
                }
                regex.append(group);
                order.append(d);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(text);
        if (!m.matches()) {
            return null;
        }
        int year = 1900;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        for (int g = 0; g < order.length(); g++) {
            String v = m.group(g + 1);
            switch (order.charAt(g)) {
                case 'Y' -> year = Integer.parseInt(v);
                case 'y' -> year = 1900 + Integer.parseInt(v) + (Integer.parseInt(v) < 69 ? 100 : 0);
                case 'm' -> month = Integer.parseInt(v);
                case 'd' -> day = Integer.parseInt(v);
                case 'H' -> hour = Integer.parseInt(v);
                case 'M' -> minute = Integer.parseInt(v);
                case 'S' -> second = Integer.parseInt(v);
                default -> { }
            }
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
