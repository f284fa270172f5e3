package dev.mvlab.datafile;

import java.util.Locale;

/**
 * The instruction keywords the parser knows, for tools that read datafiles line by line without parsing them (the
 * formatter): a line at column 1 inside a DESCRIPTION or SQL block ends the block only when it starts with one.
 */
public final class InstructionKeywords {
    private InstructionKeywords() {
    }

    /** True when {@code word} starts an instruction in a file of this name (.datasource or .pipe). */
    public static boolean startsInstruction(String fileName, String word) {
        boolean pipe = fileName.toLowerCase(Locale.ROOT).endsWith(".pipe");
        return (pipe ? PipeParser.INSTRUCTIONS : DatasourceParser.INSTRUCTIONS).contains(word)
                || Keywords.isTinybirdInstruction(word);
    }
}
