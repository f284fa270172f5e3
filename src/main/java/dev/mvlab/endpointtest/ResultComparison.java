package dev.mvlab.endpointtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares an endpoint's answer with a test's expectation as Tinybird does: the status, then the rows one by one in
 * order, each as a JSON value (numbers by value: 1 and 1.0 are equal; key order of an object does not matter). An
 * error answer is compared by its message. The differences are a few lines for a person to read.
 */
final class ResultComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 5;
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private ResultComparison() {
    }

    /** The differences between the expectation and the answer; empty when the test passes. */
    static List<String> differences(EndpointTest test, int status, String actual) {
        List<String> out = new ArrayList<>();
        if (status != test.status()) {
            out.add("expected HTTP " + test.status() + ", got " + status
                    + (status >= 300 ? ": " + firstLine(actual) : ""));
            return out;
        }
        String expected = test.expectedResult() == null ? "" : test.expectedResult();
        if (status >= 300) {
            if (!expected.strip().equals(actual.strip())) {
                out.add("expected the error: " + firstLine(expected));
                out.add("got the error:      " + firstLine(actual));
            }
            return out;
        }
        List<String> expectedRows = rows(expected);
        List<String> actualRows = rows(actual);
        if (expectedRows.size() != actualRows.size()) {
            out.add("expected " + expectedRows.size() + " row(s), got " + actualRows.size());
        }
        int shown = 0;
        for (int i = 0; i < Math.max(expectedRows.size(), actualRows.size()); i++) {
            String e = i < expectedRows.size() ? expectedRows.get(i) : null;
            String a = i < actualRows.size() ? actualRows.get(i) : null;
            if (e != null && a != null && sameRow(e, a)) {
                continue;
            }
            if (shown++ == SHOWN) {
                out.add("...");
                break;
            }
            out.add("row " + (i + 1) + ": expected " + (e == null ? "(none)" : e));
            out.add("       " + " ".repeat(Integer.toString(i + 1).length()) + "actual   "
                    + (a == null ? "(none)" : a));
        }
        return out;
    }

    private static boolean sameRow(String expected, String actual) {
        try {
            JsonNode e = JSON.readTree(expected);
            JsonNode a = JSON.readTree(actual);
            return e.equals(NUMBERS_BY_VALUE, a);
        } catch (JsonProcessingException ex) {
            return expected.strip().equals(actual.strip()); // a line that is not JSON: compared as text
        }
    }

    /** The non-blank lines of an NDJSON text. */
    static List<String> rows(String ndjson) {
        return ndjson.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
