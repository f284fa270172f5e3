package dev.mvlab.endpointtest;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code --update}, as {@code tb test update}: each test's {@code expected_result} becomes the endpoint's answer
 * (NDJSON rows in a {@code |} block, or the error message) and its {@code expected_http_status} the answer's status
 * (written when the file has the key, or when the status is not 200). Only those lines change: names, descriptions,
 * parameters, comments, the order of tests and keys stay as they are.
 */
final class ExpectationRewriter {
    /** Lines {@code from..to} (1-based, inclusive; {@code to = from - 1} inserts before {@code from}) replaced. */
    private record Edit(int from, int to, List<String> lines) {
    }

    private ExpectationRewriter() {
    }

    /** The file's text with the expectations of {@code outcomes} (the file's tests, in order). */
    static String rewrite(EndpointTestFile file, List<TestOutcome> outcomes) {
        String text = file.text();
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        List<Edit> edits = new ArrayList<>();
        for (TestOutcome outcome : outcomes) {
            edits.addAll(edits(lines, outcome));
        }
        edits.sort(Comparator.comparingInt(Edit::from).reversed());
        for (Edit edit : edits) {
            for (int line = edit.to(); line >= edit.from(); line--) {
                lines.remove(line - 1);
            }
            lines.addAll(edit.from() - 1, edit.lines());
        }
        return String.join(newline, lines);
    }

    private static List<Edit> edits(List<String> lines, TestOutcome outcome) {
        EndpointTest test = outcome.test();
        SourceLocation start = test.location();
        String first = lines.get(start.line() - 1);
        if (start.column() - 1 >= first.length() || first.charAt(start.column() - 1) == '{') {
            throw new MvlabException(ExitCode.DATAFILE, start + ": --update rewrites tests written as block maps "
                    + "('- name: ...' with one key a line), not this one", "write the test as a block map");
        }
        String indent = " ".repeat(start.column() - 1);
        List<Edit> edits = new ArrayList<>();
        SourceLocation resultKey = test.resultKey();
        if (resultKey != null) {
            List<String> result = resultLines(prefix(lines, resultKey), indent, outcome.actualResult());
            edits.add(new Edit(resultKey.line(), valueEnd(lines, resultKey, test.lastLine()), result));
        } else {
            edits.add(new Edit(test.lastLine() + 1, test.lastLine(), resultLines(indent, indent,
                    outcome.actualResult())));
        }
        String status = "expected_http_status: " + outcome.actualStatus();
        if (test.statusKey() != null) {
            int line = test.statusKey().line();
            edits.add(new Edit(line, line, List.of(prefix(lines, test.statusKey()) + status)));
        } else if (outcome.actualStatus() != 200) {
            int before = test.lastLine() + 1;
            edits.add(new Edit(before, before - 1, List.of(indent + status)));
        }
        return edits;
    }

    /** What precedes a key on its line ({@code "  - "} for a test's first key, else its indentation). */
    private static String prefix(List<String> lines, SourceLocation key) {
        return lines.get(key.line() - 1).substring(0, key.column() - 1);
    }

    private static List<String> resultLines(String prefix, String indent, String actual) {
        List<String> rows = actual.strip().lines().map(String::stripTrailing).toList();
        if (rows.isEmpty()) {
            return List.of(prefix + "expected_result: ''");
        }
        List<String> out = new ArrayList<>();
        out.add(prefix + "expected_result: |");
        rows.forEach(row -> out.add(indent + "  " + row));
        return out;
    }

    /** The last line of the value of the key at {@code key}: up to the next line at the key's indentation or less. */
    private static int valueEnd(List<String> lines, SourceLocation key, int lastLine) {
        int end = key.line();
        for (int line = key.line() + 1; line <= lastLine && line <= lines.size(); line++) {
            String text = lines.get(line - 1);
            if (text.isBlank()) {
                continue;
            }
            int indentation = text.length() - text.stripLeading().length();
            if (indentation < key.column() && !text.stripLeading().startsWith("#")) {
                break;
            }
            if (indentation >= key.column()) {
                end = line;
            }
        }
        return end;
    }
}
