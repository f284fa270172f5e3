package dev.mvlab.verify;

import java.util.List;

/**
 * What comparing the two sides of a check found. Counts are complete; example lists hold at most the verifier's
 * example limit each, in the order the server returned the rows.
 *
 * @param keyColumns      the key columns, or {@code [row]} for a check matched by position
 * @param valueColumns    the compared columns, in the mv query's order
 * @param differingRows   keys present on both sides with at least one differing value
 * @param differingValues the differing values in those rows (a row may differ in several columns)
 * @param duplicateKeys   keys returned more than once by one side (counted per side)
 */
public record Comparison(List<String> keyColumns, List<String> valueColumns, long mvRows, long rawRows,
                         long onlyInMv, long onlyInRaw, long differingRows, long differingValues,
                         long duplicateKeysInMv, long duplicateKeysInRaw, List<SideRow> onlyInMvExamples,
                         List<SideRow> onlyInRawExamples, List<ValueDifference> differences,
                         List<DuplicateKey> duplicates) {

    public Comparison {
        keyColumns = List.copyOf(keyColumns);
        valueColumns = List.copyOf(valueColumns);
        onlyInMvExamples = List.copyOf(onlyInMvExamples);
        onlyInRawExamples = List.copyOf(onlyInRawExamples);
        differences = List.copyOf(differences);
        duplicates = List.copyOf(duplicates);
    }

    public Verdict verdict() {
        return onlyInMv + onlyInRaw + differingRows + duplicateKeysInMv + duplicateKeysInRaw == 0
                ? Verdict.MATCH : Verdict.DRIFT;
    }
}
