package dev.mvlab.bench;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.JsonPathMapping;
import dev.mvlab.generate.LandingTable;
import dev.mvlab.generate.StreamOptions;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's machinery (not its speed): both paths load the same rows, figures come back, nothing is left; on the
 * shared test engine, which has the default access (no file(), url(), remote()).
 */
@ExtendWith(ClickHouseExtension.class)
class IngestBenchmarkTest {
    @TempDir
    Path work;

    @Test
    void bothPathsLoadEveryEventOnAnEngineWithoutFileAccessAndNothingIsLeft(Database db) {
        BenchResult result = new IngestBenchmark(db, work, CpuClock.UNKNOWN).run(20_000, BatchSettings.DEFAULT, 2);
        assertThat(result.clientRates()).hasSize(2).allSatisfy(rate -> assertThat(rate).isPositive());
        assertThat(result.serverRates()).hasSize(2).allSatisfy(rate -> assertThat(rate).isPositive());
        assertThat(result.ratio()).isPositive();
        assertThat(result.bytes()).isBetween(20_000 * 100L, 20_000 * 140L);
        assertThat(result.serverVersion()).startsWith("26.7");
        assertThat(result.endToEndCost().server()).isEqualTo(-1);
        assertThat(result.endToEndCost().client()).isPositive();
        assertThat(db.queryLong("SELECT count() FROM system.databases WHERE name = ?", IngestBenchmark.DATABASE))
                .isZero();
        assertThat(result.stagingTable()).isEqualTo(IngestBenchmark.DATABASE + "." + IngestBenchmark.STAGING);
        assertThat(work.resolve("checkpoints")).doesNotExist();
    }

    @Test
    void theServerSideCeilingWritesOnePartPerBatchLikeTheEndToEndRun(Database admin) {
        admin.dropDatabase(IngestBenchmark.DATABASE);
        admin.createDatabase(IngestBenchmark.DATABASE);
        try (Database db = admin.use(IngestBenchmark.DATABASE)) {
            IngestBenchmark.schema().forEach(db::execute);
            db.execute("SYSTEM STOP MERGES " + IngestBenchmark.LANDING);
            StagedBatches staged = StagedBatches.upload(db, IngestBenchmark.STAGING, StreamOptions.defaults(1), 3_000,
                    1_000);
            JsonPathMapping mapping = JsonPathMapping.of(IngestBenchmark.landing(),
                    new LandingTable(db, IngestBenchmark.LANDING).columnTypes(IngestBenchmark.landing()));
            db.execute(IngestBenchmark.ceilingInsert(mapping, staged.table(), 2, 1_000));
            assertThat(db.queryLong("SELECT count() FROM " + IngestBenchmark.LANDING)).isEqualTo(3_000);
            // without the block size, ClickHouse squashes the three staged batches into one block, one part
            assertThat(db.queryLong("SELECT count() FROM system.parts WHERE database = ? AND table = ? AND active",
                    IngestBenchmark.DATABASE, IngestBenchmark.LANDING)).isEqualTo(staged.batches());
        } finally {
            admin.dropDatabase(IngestBenchmark.DATABASE);
        }
    }
}
