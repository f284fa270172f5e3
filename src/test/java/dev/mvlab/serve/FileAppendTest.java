package dev.mvlab.serve;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.deploy.Apply;
import dev.mvlab.deploy.ApplyOptions;
import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.HttpQueries;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mvlab append}'s service: CSV with a header, gzip NDJSON, Parquet, and quarantine of rows that do not fit. */
@ExtendWith(ClickHouseExtension.class)
class FileAppendTest {

    @Test
    void csvNdjsonGzipAndParquetLoadAndBadRowsGoToQuarantine(Database db) throws Exception {
        ProjectGraph graph = GraphBuilder.build(ProjectLoader.load(ServeFixture.RESOURCES.resolve("shop")));
        SqlRenderer renderer = new SqlRenderer(new SqlTemplates());
        new Apply(db, renderer).run(graph, db.name(), ApplyOptions.DEFAULT);
        try (EventIngest ingest = new EventIngest(db, graph, renderer)) {
            FileAppend append = new FileAppend(ingest, db);
            String csv = "id,note,at\n1,first,2024-05-01 10:00:00\n2,\"with, comma\",2024-05-01T10:00:00.5Z\n"
                    + "x,bad id,2024-05-01 10:00:00\n3,third,2024-05-02\n";
            IngestResult fromCsv = append.append("notes", "notes.csv", stream(csv), FileAppend.FileFormat.CSV, p -> { });
            assertThat(fromCsv.successfulRows()).isEqualTo(3);
            assertThat(fromCsv.quarantinedRows()).isEqualTo(1);
            assertThat(fromCsv.errors()).singleElement().asString().startsWith("line 4: value 'x' on column 'id'");
            assertThat(db.query("SELECT note FROM notes ORDER BY id").rows()).extracting(r -> r.get(0))
                    .containsExactly("first", "with, comma", "third");
            assertThat(db.queryLong("SELECT count() FROM notes_quarantine")).isEqualTo(1);

            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(("{\"action\":\"view\",\"customer_id\":\"file\",\"product\":{\"product_id\":\"p1\"},"
                        + "\"timestamp\":\"2024-05-01T10:00:00\"}\n").repeat(500).getBytes(StandardCharsets.UTF_8));
            }
            IngestResult fromNdjson = append.append("events", "events.ndjson.gz",
                    new ByteArrayInputStream(gz.toByteArray()), FileAppend.FileFormat.NDJSON, p -> { });
            assertThat(fromNdjson.successfulRows()).isEqualTo(500);
            assertThat(db.queryLong("SELECT count() FROM events WHERE customer_id = 'file'")).isEqualTo(500);

            byte[] parquet = new HttpQueries(db.endpoint()).query(db.name(), "SELECT toUInt32(number + 10) AS id, "
                    + "'pq' AS note, now64(3) AS at FROM numbers(7) FORMAT Parquet", Map.of()).body();
            IngestResult fromParquet = append.append("notes", "notes.parquet", new ByteArrayInputStream(parquet),
                    FileAppend.FileFormat.PARQUET, p -> { });
            assertThat(fromParquet.successfulRows()).isEqualTo(7);
            assertThat(db.queryLong("SELECT count() FROM notes WHERE note = 'pq'")).isEqualTo(7);
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
