package dev.mvlab.safety;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify's memory does not grow with the rows it compares: a million rows a side (which an in-JVM comparison needs
 * about 200 MB of heap for) compared by {@code mvlab verify} running in a JVM with a 32 MB heap.
 */
@ExtendWith(ClickHouseExtension.class)
class LargeVerifyTest {
    static final long ROWS = 1_000_000;

    @Test
    void aMillionRowsASideInA32MegabyteHeap(Database db, Endpoint endpoint, @TempDir Path temp)
            throws IOException, InterruptedException {
        db.execute("CREATE TABLE wide (k UInt64, cat LowCardinality(String), v Float64, t Tuple(String, UInt32)) "
                + "ENGINE = MergeTree ORDER BY k");
        db.execute("INSERT INTO wide SELECT number, toString(number % 100), number * 1.5, (toString(number), "
                + "toUInt32(number % 7)) FROM numbers(" + ROWS + ")");
        Path checks = temp.resolve("large.yaml");
        Files.writeString(checks, """
                checks:
                  - name: large
                    mv: SELECT k, cat, v, t FROM wide
                    raw: SELECT k, cat, if(k = 777777, v + 1, v) AS v, t FROM wide
                    keys: [k]
                """);
        Path output = temp.resolve("out.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), "dev.mvlab.cli.Main", "verify",
                checks.toString(), "-d", db.name(), "--engine", "url", "--url", endpoint.httpUrl())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        List<String> lines = Files.readAllLines(output);
        assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(1);
        assertThat(lines).contains("  rows: mv 1000000, raw 1000000; only in mv 0, only in raw 0, differing 1")
                .noneMatch(line -> line.contains("OutOfMemoryError"));
        assertThat(String.join("\n", lines)).containsPattern("777777 +v +1166665\\.5 +1166666\\.5");
    }
}
