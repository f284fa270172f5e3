package dev.mvlab.datafile;

import dev.mvlab.errors.Suggestions;
import dev.mvlab.model.Warning;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Errors and warnings about instruction keywords: unknown ones, ignored ones, lines that lost their indent. */
final class Keywords {
    /** Tinybird instructions mvlab has no use for: accepted with a warning. */
    private static final Set<String> IGNORED = Set.of("VERSION", "FORWARD_QUERY", "BACKFILL", "DEPLOYMENT_METHOD",
            "EXPORT_SERVICE", "EXPORT_CONNECTION_NAME", "EXPORT_SCHEDULE", "EXPORT_BUCKET_URI", "EXPORT_FILE_TEMPLATE",
            "EXPORT_FORMAT", "EXPORT_COMPRESSION", "EXPORT_STRATEGY", "EXPORT_KAFKA_TOPIC");
    private static final List<String> IGNORED_PREFIXES = List.of("KAFKA_", "IMPORT_", "S3_", "GCS_");

    private Keywords() {
    }

    /** True (with a warning) for a Tinybird instruction that mvlab ignores, e.g. KAFKA_TOPIC. */
    static boolean ignored(Instruction instruction, List<Warning> warnings) {
        String k = instruction.keyword();
        if (IGNORED.contains(k) || IGNORED_PREFIXES.stream().anyMatch(k::startsWith)) {
            warnings.add(new Warning(instruction.location(), k + " is not used by mvlab; ignored"));
            return true;
        }
        return false;
    }

    /** KAFKA_*, IMPORT_*, S3_*, GCS_*: a data source's connector, reported once per data source. */
    static boolean isConnectorInstruction(String keyword) {
        return IGNORED_PREFIXES.stream().anyMatch(keyword::startsWith);
    }

    /** True for a keyword Tinybird knows in some datafile that mvlab ignores (KAFKA_TOPIC, VERSION, ...). */
    static boolean isTinybirdInstruction(String keyword) {
        return IGNORED.contains(keyword) || IGNORED_PREFIXES.stream().anyMatch(keyword::startsWith);
    }

    static DatafileException unknown(Instruction instruction, Collection<String> known, String fileKind) {
        String k = instruction.keyword();
        List<String> sorted = known.stream().sorted().toList();
        if (instruction.afterBlock() != null) {
            Instruction block = instruction.afterBlock();
            return instruction.error("expected an indented line of the " + block.keyword() + " > block (line "
                            + block.line().number() + ") or an instruction, found `" + k + "` at column 1",
                    "indent every line of a `>` block (4 spaces); instructions start at column 1 in upper case");
        }
        String upper = k.toUpperCase(Locale.ROOT);
        if (!upper.equals(k) && known.contains(upper)) {
            return instruction.error("unknown instruction `" + k + "`", "instructions are upper case: " + upper);
        }
        String close = sorted.stream().filter(c -> Suggestions.distance(c, upper) <= 2).findFirst().orElse(null);
        return instruction.error("unknown instruction `" + k + "` in a " + fileKind + " file",
                (close != null ? "did you mean " + close + "? " : "") + "known instructions: "
                        + String.join(", ", sorted));
    }

    /** The error for a {@code KEYWORD >} with nothing indented below it. */
    static DatafileException emptyBlock(Instruction block, Instruction next, String what, String hint) {
        if (next != null && next.afterBlock() == block) {
            return next.error("expected an indented " + what + " after " + block.keyword() + " >, but line "
                    + next.line().number() + " starts at column 1", "indent every line of the block (4 spaces)");
        }
        return block.valueError(block.keyword() + " > has an empty body", hint);
    }
}
