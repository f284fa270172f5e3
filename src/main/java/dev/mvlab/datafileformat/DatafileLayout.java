package dev.mvlab.datafileformat;

import dev.mvlab.datafile.InstructionKeywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A datafile's text cut into what the formatter moves around: instructions (a keyword, its value, and for a
 * {@code KEYWORD >} instruction the lines of its block) and {@code #} comment lines between them. Blocks end where
 * the parser ends them: a blank, indented or comment line continues a block, and so does a line at column 1 inside a
 * DESCRIPTION or SQL block that does not start with an instruction keyword.
 */
final class DatafileLayout {
    private static final Set<String> TEXT_BLOCKS = Set.of("DESCRIPTION", "SQL");

    /** One instruction or comment line; {@code block} is null for a one-line instruction. */
    record Piece(String keyword, String value, List<String> block, String comment) {
        boolean isComment() {
            return comment != null;
        }

        boolean isBlock() {
            return block != null;
        }

        static Piece comment(String text) {
            return new Piece(null, null, null, text);
        }
    }

    private DatafileLayout() {
    }

    /** The pieces of {@code text} ({@code \n} line ends); {@code fileName} tells which keywords end a block. */
    static List<Piece> read(String fileName, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
                continue;
            }
            if (isComment(line) || isIndented(line)) {
                pieces.add(Piece.comment(line.strip()));
                i++;
                continue;
            }
            int keywordEnd = 0;
            while (keywordEnd < line.length() && !Character.isWhitespace(line.charAt(keywordEnd))) {
                keywordEnd++;
            }
            String keyword = line.substring(0, keywordEnd);
            String value = line.substring(keywordEnd).strip();
            if (!value.equals(">")) {
                pieces.add(new Piece(keyword, value, null, null));
                i++;
                continue;
            }
            boolean textBlock = TEXT_BLOCKS.contains(keyword);
            int end = i + 1;
            int lastContent = i;
            while (end < lines.size()) {
                String l = lines.get(end);
                boolean continues = l.isBlank() || isIndented(l) || isComment(l)
                        || textBlock && !InstructionKeywords.startsInstruction(fileName, l.split("[ \t]", 2)[0]);
                if (!continues) {
                    break;
                }
                if (!l.isBlank() && (isIndented(l) || !isComment(l))) {
                    lastContent = end;
                }
                end++;
            }
            pieces.add(new Piece(keyword, ">", List.copyOf(lines.subList(i + 1, lastContent + 1)), null));
            i = lastContent + 1;
        }
        return pieces;
    }

    static boolean isIndented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    static boolean isComment(String line) {
        return line.stripLeading().startsWith("#");
    }
}
