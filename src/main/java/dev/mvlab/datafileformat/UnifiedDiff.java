package dev.mvlab.datafileformat;

import java.util.ArrayList;
import java.util.List;

/** A unified diff ({@code diff -u}, three lines of context) of two texts, by their longest common subsequence. */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Above this many line pairs the diff is one hunk that replaces everything (datafiles are far smaller). */
    private static final long MAX_PAIRS = 16_000_000L;

    private UnifiedDiff() {
    }

    /** One line of the edit script: ' ' kept, '-' removed, '+' added. */
    private record Edit(char op, String line, int oldLine, int newLine) {
    }

    /** The diff of {@code before} and {@code after}, labelled; empty when they are equal. */
    static String of(String label, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<Edit> edits = edits(before.lines().toList(), after.lines().toList());
        StringBuilder out = new StringBuilder("--- " + label + "\n+++ " + label + " (formatted)\n");
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size() && end - lastChange <= 2 * CONTEXT) {
                if (edits.get(end).op() != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            hunk(out, edits.subList(start, end));
            i = end;
        }
        if (edits.stream().allMatch(e -> e.op() == ' ')) {
            out.append("@@ only line ends, a byte order mark or the final newline differ @@\n");
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk) {
        int oldStart = hunk.get(0).oldLine();
        int newStart = hunk.get(0).newLine();
        long oldCount = hunk.stream().filter(e -> e.op() != '+').count();
        long newCount = hunk.stream().filter(e -> e.op() != '-').count();
        out.append("@@ -").append(oldCount == 0 ? oldStart - 1 : oldStart).append(',').append(oldCount)
                .append(" +").append(newCount == 0 ? newStart - 1 : newStart).append(',').append(newCount)
                .append(" @@\n");
        hunk.forEach(e -> out.append(e.op()).append(e.line()).append('\n'));
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        List<Edit> edits = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_PAIRS) {
            for (int i = 0; i < a.size(); i++) {
                edits.add(new Edit('-', a.get(i), i + 1, 1));
            }
            for (int j = 0; j < b.size(); j++) {
                edits.add(new Edit('+', b.get(j), a.size() + 1, j + 1));
            }
            return edits;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                edits.add(new Edit('-', a.get(i), i + 1, j + 1));
                i++;
            } else {
                edits.add(new Edit('+', b.get(j), i + 1, j + 1));
                j++;
            }
        }
        return edits;
    }
}
