package dev.mvlab.serve;

import dev.mvlab.engine.Database;
import dev.mvlab.engine.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes rejected rows into {@code <datasource>_quarantine}, as Tinybird does: the errors, the columns at fault, the
 * import id, each column's value as text, the insertion time and the original line.
 */
final class Quarantine {
    static final String SUFFIX = "_quarantine";

    private final Database db;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    Quarantine(Database db) {
        this.db = db;
    }

    static String tableOf(String datasource) {
        return datasource + SUFFIX;
    }

    /** Stores the rows; {@code importId} names the request or file they came from. */
    void write(EventSchema schema, List<EventLines.Rejected> rows, String importId) {
        if (rows.isEmpty()) {
            return;
        }
        String table = tableOf(schema.datasource().name());
        List<String> columns = schema.columns();
        if (ready.add(table)) {
            db.execute(QuarantineTable.create(db.name(), table, columns));
        }
        List<String> names = new ArrayList<>(List.of("c__error_column", "c__error", "c__import_id",
                QuarantineTable.ORIGINAL));
        names.addAll(columns);
        String sql = "INSERT INTO " + Identifiers.quote(db.name()) + "." + Identifiers.quote(table) + " ("
                + String.join(", ", names.stream().map(Identifiers::quote).toList()) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        List<Object[]> values = new ArrayList<>();
        for (EventLines.Rejected row : rows) {
            List<Object> v = new ArrayList<>(List.of(row.columns(), row.errors(), importId, row.original()));
            v.addAll(row.values());
            values.add(v.toArray());
        }
        db.insertBatch(sql, values);
    }
}
