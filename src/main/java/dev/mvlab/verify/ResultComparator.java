package dev.mvlab.verify;

import dev.mvlab.engine.Database;
import dev.mvlab.engine.RowSink;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the two sides of one check in Java: the mv side is streamed into a map keyed by the canonical key, then
 * the raw side is streamed past it. Memory holds one side (at most {@code maxRows} rows); the examples are capped.
 */
final class ResultComparator {
    private final Check check;
    private final int exampleLimit;
    private final long maxRows;

    private final Map<Object, MvRow> mvRows = new LinkedHashMap<>();
    private final Map<Object, RawOnly> onlyRaw = new HashMap<>();
    private final List<SideRow> onlyInRawExamples = new ArrayList<>();
    private final List<ValueDifference> differences = new ArrayList<>();
    private List<String> keyColumns;
    private List<String> valueColumns;
    private long mvCount;
    private long rawCount;
    private long differing;
    private long differingValues;

    ResultComparator(Check check, int exampleLimit, long maxRows) {
        this.check = check;
        this.exampleLimit = exampleLimit;
        this.maxRows = maxRows;
    }

    Comparison compare(Database db) {
        read(db, Side.MV, check.mv(), new Reader(Side.MV) {
            @Override
            void accept(Object key, Object[] keyValues, Object[] values) {
                MvRow row = mvRows.get(key);
                if (row == null) {
                    mvRows.put(key, new MvRow(keyValues, values));
                } else {
                    row.mvCount++;
                }
            }
        });
        read(db, Side.RAW, check.raw(), new Reader(Side.RAW) {
            @Override
            void accept(Object key, Object[] keyValues, Object[] values) {
                MvRow row = mvRows.get(key);
                if (row == null) {
                    RawOnly seen = onlyRaw.get(key);
                    if (seen != null) {
                        seen.rawCount++;
                    } else {
                        onlyRaw.put(key, new RawOnly(keyValues));
                        if (onlyInRawExamples.size() < exampleLimit) {
                            onlyInRawExamples.add(new SideRow(list(keyValues), list(values)));
                        }
                    }
                } else if (++row.rawCount == 1) {
                    compareValues(row, values);
                }
            }
        });
        return result();
    }

    private void compareValues(MvRow row, Object[] raw) {
        boolean differs = false;
        for (int i = 0; i < raw.length; i++) {
            if (!Values.same(row.values[i], raw[i], check.tolerance())) {
                differs = true;
                differingValues++;
                if (differences.size() < exampleLimit) {
                    differences.add(new ValueDifference(list(row.keyValues), valueColumns.get(i), row.values[i],
                            raw[i]));
                }
            }
        }
        if (differs) {
            differing++;
        }
    }

    private Comparison result() {
        long onlyInMv = 0;
        long duplicatesInMv = 0;
        long duplicatesInRaw = 0;
        List<SideRow> onlyInMvExamples = new ArrayList<>();
        List<DuplicateKey> duplicates = new ArrayList<>();
        for (MvRow row : mvRows.values()) {
            if (row.rawCount == 0) {
                onlyInMv++;
                if (onlyInMvExamples.size() < exampleLimit) {
                    onlyInMvExamples.add(new SideRow(list(row.keyValues), list(row.values)));
                }
            }
            if (row.mvCount > 1) {
                duplicatesInMv++;
                addDuplicate(duplicates, new DuplicateKey(Side.MV, list(row.keyValues), row.mvCount));
            }
            if (row.rawCount > 1) {
                duplicatesInRaw++;
                addDuplicate(duplicates, new DuplicateKey(Side.RAW, list(row.keyValues), row.rawCount));
            }
        }
        for (RawOnly row : onlyRaw.values()) {
            if (row.rawCount > 1) {
                duplicatesInRaw++;
                addDuplicate(duplicates, new DuplicateKey(Side.RAW, list(row.keyValues), row.rawCount));
            }
        }
        return new Comparison(keyColumns, valueColumns, mvCount, rawCount, onlyInMv, onlyRaw.size(), differing,
                differingValues, duplicatesInMv, duplicatesInRaw, onlyInMvExamples, onlyInRawExamples, differences,
                duplicates);
    }

    private void addDuplicate(List<DuplicateKey> duplicates, DuplicateKey duplicate) {
        if (duplicates.size() < exampleLimit) {
            duplicates.add(duplicate);
        }
    }

    private static List<Object> list(Object[] values) {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    private void read(Database db, Side side, String sql, Reader reader) {
        try {
            db.stream(sql, reader);
        } catch (DatabaseException e) {
            throw new DatabaseException(check.location() + ": check '" + check.name() + "', " + side.label()
                    + " query: " + e.getMessage(), e.sql(), e);
        }
    }

    private MvlabException problem(String message) {
        return new MvlabException(ExitCode.DATAFILE, check.location() + ": check '" + check.name() + "': " + message);
    }

    /** Turns the rows of one side into (canonical key, key as returned, values in value-column order). */
    private abstract class Reader implements RowSink {
        private final Side side;
        private int[] keyIndexes;
        private int[] valueIndexes;
        private long position;

        Reader(Side side) {
            this.side = side;
        }

        /** {@code key} is the canonical key (one value, or a list of them); {@code keyValues} are as returned. */
        abstract void accept(Object key, Object[] keyValues, Object[] values);

        @Override
        public void start(List<String> columns, List<String> types) {
            Set<String> unique = new LinkedHashSet<>(columns);
            if (unique.size() != columns.size()) {
                throw problem("the " + side.label() + " query returns two columns with the same name " + columns
                        + "; give them distinct names with AS");
            }
            for (String key : check.keys()) {
                if (!unique.contains(key)) {
                    throw problem("the " + side.label() + " query has no key column '" + key + "' (it returns "
                            + columns + ")");
                }
            }
            if (side == Side.MV) {
                keyColumns = check.positional() ? List.of("row") : check.keys();
                valueColumns = columns.stream().filter(c -> !check.keys().contains(c)).toList();
            } else {
                Set<String> rawValues = new LinkedHashSet<>(columns);
                check.keys().forEach(rawValues::remove);
                if (!rawValues.equals(new LinkedHashSet<>(valueColumns))) {
                    throw problem("the mv query returns the columns " + valueColumns + " but the raw query returns "
                            + List.copyOf(rawValues) + " (keys aside); name the columns alike with AS");
                }
            }
            keyIndexes = check.keys().stream().mapToInt(columns::indexOf).toArray();
            valueIndexes = valueColumns.stream().mapToInt(columns::indexOf).toArray();
        }

        @Override
        public void row(List<Object> row) {
            position++;
            long seen = side == Side.MV ? ++mvCount : ++rawCount;
            if (seen > maxRows) {
                throw problem("the " + side.label() + " query returns more than " + maxRows + " rows; compare "
                        + "aggregates, or narrow both queries with WHERE");
            }
            Object[] keyValues;
            Object key;
            if (check.positional()) {
                keyValues = new Object[]{position};
                key = position;
            } else if (keyIndexes.length == 1) {
                keyValues = new Object[]{row.get(keyIndexes[0])};
                key = Values.canonical(keyValues[0]);
            } else {
                keyValues = new Object[keyIndexes.length];
                List<Object> parts = new ArrayList<>(keyIndexes.length);
                for (int i = 0; i < keyIndexes.length; i++) {
                    keyValues[i] = row.get(keyIndexes[i]);
                    parts.add(Values.canonical(keyValues[i]));
                }
                key = parts;
            }
            Object[] values = new Object[valueIndexes.length];
            for (int i = 0; i < valueIndexes.length; i++) {
                values[i] = row.get(valueIndexes[i]);
            }
            accept(key, keyValues, values);
        }
    }

    private static final class RawOnly {
        final Object[] keyValues;
        long rawCount = 1;

        RawOnly(Object[] keyValues) {
            this.keyValues = keyValues;
        }
    }

    private static final class MvRow {
        final Object[] keyValues;
        final Object[] values;
        long mvCount = 1;
        long rawCount;

        MvRow(Object[] keyValues, Object[] values) {
            this.keyValues = keyValues;
            this.values = values;
        }
    }
}
