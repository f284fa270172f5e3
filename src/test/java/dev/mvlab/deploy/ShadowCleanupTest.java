package dev.mvlab.deploy;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shadow databases ({@code mvlab_shadow_*}, made by check and diff) do not outlive their run: an interrupted run
 * (SIGTERM, as Ctrl-C) drops its own from a shutdown hook, and the next run drops the stale ones of runs that were
 * killed outright.
 */
@ExtendWith(ClickHouseExtension.class)
class ShadowCleanupTest {

    private static List<String> shadows(Database db, String containing) {
        return db.query("SELECT name FROM system.databases WHERE startsWith(name, 'mvlab_shadow_') "
                + "AND position(name, ?) > 0 ORDER BY name", containing).rows().stream()
                .map(row -> String.valueOf(row.get(0))).toList();
    }

    @Test
    void theNextRunDropsStaleShadowsAndKeepsLiveOnes(Database db) {
        long now = Instant.now().getEpochSecond();
        long self = ProcessHandle.current().pid();
        String legacy = "mvlab_shadow_0123456789ab";
        String old = "mvlab_shadow_1_abcdef_1_deadbeef";
        String deadProcess = "mvlab_shadow_" + now + "_" + Shadow.HOST + "_999999999_cafe0001";
        String live = "mvlab_shadow_" + now + "_" + Shadow.HOST + "_" + self + "_cafe0002";
        String otherMachine = "mvlab_shadow_" + now + "_000000_999999999_cafe0003";
        for (String name : List.of(legacy, old, deadProcess, live, otherMachine)) {
            db.createDatabase(name);
        }
        Shadow.create(db).close();
        assertThat(shadows(db, "")).contains(live, otherMachine).doesNotContain(legacy, old, deadProcess);
        db.dropDatabase(live);
        db.dropDatabase(otherMachine);
    }

    @Test
    @Timeout(120)
    void anInterruptedCheckDropsItsShadow(Database db, Endpoint endpoint, @TempDir Path project)
            throws IOException, InterruptedException {
        Files.createDirectories(project.resolve("datasources"));
        for (int i = 0; i < 250; i++) { // enough tables for the check to take a few seconds
            Files.writeString(project.resolve("datasources/t" + i + ".datasource"),
                    "SCHEMA >\n    `a` String,\n    `n` UInt64\nENGINE_SORTING_KEY a\n");
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.mvlab.cli.Main", "check", "--project",
                project.toString(), "--engine", "url", "--url", endpoint.httpUrl())
                .redirectErrorStream(true).redirectOutput(project.resolve("child.log").toFile()).start();
        String marker = "_" + child.pid() + "_";
        while (child.isAlive() && shadows(db, marker).isEmpty()) {
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("the check was still running when its shadow appeared").isTrue();
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(shadows(db, marker)).as(Files.readString(project.resolve("child.log"))).isEmpty();
    }
}
