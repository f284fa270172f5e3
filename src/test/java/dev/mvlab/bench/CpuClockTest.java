package dev.mvlab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's CPU clock counts its child processes too (the relay runs chDB as a child). */
class CpuClockTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void aProcessClockIncludesTheCpuOfItsLiveChildren() throws Exception {
        // the parent only waits; its child spins, says so, then sleeps (still alive)
        Process parent = new ProcessBuilder("sh", "-c", "sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done;"
                + " echo spun; exec sleep 60' & echo $!; wait").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8))) {
            long child = Long.parseLong(out.readLine().strip());
            assertThat(out.readLine()).isEqualTo("spun");
            long childNanos = CpuClock.linuxProcess(child).nanos();
            long treeNanos = CpuClock.linuxProcess(parent.pid()).nanos();
            assertThat(childNanos).isPositive();
            assertThat(treeNanos).isGreaterThanOrEqualTo(childNanos);
            // the parent alone (the relay without chDB) has only waited: less than its spinning child
            assertThat(CpuClock.linuxProcessAlone(parent.pid()).nanos()).isNotNegative().isLessThan(childNanos);
        } finally {
            parent.descendants().forEach(ProcessHandle::destroy);
            parent.destroy();
        }
    }

    @Test
    void anEndedProcessIsUnknown() {
        assertThat(CpuClock.linuxProcess(Long.MAX_VALUE).nanos()).isEqualTo(-1);
        assertThat(CpuClock.linuxProcessAlone(Long.MAX_VALUE).nanos()).isEqualTo(-1);
    }
}
