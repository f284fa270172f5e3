package dev.mvlab.datafile;

import dev.mvlab.model.Warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits expanded lines into instructions. Blank lines and {@code #} comments between instructions are skipped;
 * a {@code KEYWORD >} instruction takes the indented (and blank) lines that follow as its block. A {@code #} comment
 * line does not end a block, even at column 1: Tinybird's reader drops such lines wherever they are.
 */
final class InstructionReader {
    /** Blocks of free text, which may hold lines at column 1. */
    private static final Set<String> TEXT_BLOCKS = Set.of("DESCRIPTION", "SQL");
    private InstructionReader() {
    }

    /**
     * @param known    the instructions of this kind of file, to tell a line that lost its indentation
     * @param fileKind ".datasource" or ".pipe", for messages
     */
    static List<Instruction> read(List<Line> lines, Set<String> known, String fileKind, List<Warning> warnings) {
        List<Instruction> out = new ArrayList<>();
        Instruction adjacentBlock = null;
        int i = 0;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                adjacentBlock = null;
                i++;
                continue;
            }
            if (line.isComment() && !line.isIndented()) {
                i++;
                continue;
            }
            if (line.isIndented()) {
                Instruction previous = out.isEmpty() ? null : out.get(out.size() - 1);
                if (previous != null && previous.afterBlock() != null && !known.contains(previous.keyword())) {
                    throw Keywords.unknown(previous, known, fileKind);
                }
                throw unexpectedIndent(line, previous);
            }
            int keywordEnd = 0;
            while (keywordEnd < line.text().length() && !Character.isWhitespace(line.text().charAt(keywordEnd))) {
                keywordEnd++;
            }
            String keyword = line.text().substring(0, keywordEnd);
            String rest = line.text().substring(keywordEnd);
            String value = rest.strip();
            int valueColumn = value.isEmpty() ? keywordEnd + 2 : keywordEnd + rest.indexOf(value.charAt(0)) + 1;
            int next = i + 1;
            List<Line> block = null;
            if (value.equals(">")) {
                int end = next;
                int lastContent = i;
                boolean text = TEXT_BLOCKS.contains(keyword);
                while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).isIndented()
                        || lines.get(end).isComment() || text && continuesText(lines.get(end), known))) {
                    Line l = lines.get(end);
                    if (!l.isBlank() && (l.isIndented() || !l.isComment())) {
                        lastContent = end;
                    }
                    end++;
                }
                block = List.copyOf(lines.subList(next, lastContent + 1));
                next = lastContent + 1;
                warnMixedIndent(block, warnings);
            }
            Instruction instruction = new Instruction(line, keyword, value, valueColumn, block, adjacentBlock);
            if (!keyword.equals("DESCRIPTION")) {
                SqlChecks.nesting(instruction);
            }
            out.add(instruction);
            adjacentBlock = block != null && (next >= lines.size() || !lines.get(next).isBlank()) ? instruction
                    : null;
            i = next;
        }
        return out;
    }

    /**
     * Tinybird reads a DESCRIPTION or SQL block up to the next instruction, so a line at column 1 that does not
     * start with an instruction keyword (prose, a {@code %} template line, unindented SQL) still belongs to it.
     */
    private static boolean continuesText(Line line, Set<String> known) {
        if (line.isComment()) {
            return false;
        }
        String first = line.text().split("[ \t]", 2)[0];
        return !known.contains(first) && !Keywords.isTinybirdInstruction(first);
    }

    private static DatafileException unexpectedIndent(Line line, Instruction previous) {
        if (previous != null && !previous.isBlock() && previous.value().isEmpty()) {
            return previous.valueError("expected `>` after " + previous.keyword() + " to start the indented block below",
                    "write " + previous.keyword() + " >");
        }
        String hint = previous != null && !previous.isBlock()
                ? "to continue " + previous.keyword() + " on several lines write `" + previous.keyword()
                  + " >` and indent the lines below it; otherwise remove the indentation"
                : "only the lines of a `>` block (SCHEMA >, SQL >, ...) are indented; instructions start at column 1";
        return line.error(line.indent() + 1, "unexpected indented line outside a `>` block", hint);
    }

    private static void warnMixedIndent(List<Line> block, List<Warning> warnings) {
        boolean tabs = false;
        boolean spaces = false;
        for (Line l : block) {
            if (l.isBlank()) {
                continue;
            }
            tabs |= l.text().charAt(0) == '\t';
            spaces |= l.text().charAt(0) == ' ';
            if (l.mixesTabsAndSpaces() || (tabs && spaces)) {
                warnings.add(new Warning(l.location(1),
                        "indentation mixes tabs and spaces; use spaces only (a tab counts as one character)"));
                return;
            }
        }
    }
}
