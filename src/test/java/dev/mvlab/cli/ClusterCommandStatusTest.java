package dev.mvlab.cli;

import dev.mvlab.engine.LocalCluster;
import dev.mvlab.engine.host.LocalClusterState;
import dev.mvlab.engine.host.LocalClusterState.Node;
import dev.mvlab.engine.host.LocalClusterState.NodeState;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code mvlab cluster status} prints, and its usage errors (no cluster needed). */
class ClusterCommandStatusTest {
    @Test
    void statusListsNodesPortsStateAndWhatTheLocalClusterCannotDo(@TempDir Path home) {
        LocalClusterState state = new LocalClusterState(42, "local", 1, 2, 512, Instant.now(), List.of(
                new Node("s1r1", 1, 1, 40001, 40011, 7, NodeState.RUNNING, 0),
                new Node("s1r2", 1, 2, 40002, 40012, 0, NodeState.KILLED, 1)));
        StringWriter text = new StringWriter();
        ClusterCommand.print(new PrintWriter(text), new LocalCluster(ClickHouseExtension.testSettings(home), null),
                state);
        assertThat(text.toString()).contains("1 shards x 2 replicas", "512 MB")
                .containsPattern("s1r1 +1 +1 +40001 +40011 +running +0 +7")
                .containsPattern("s1r2 +1 +2 +40002 +40012 +killed +1 +-")
                .contains("no Keeper", "ON CLUSTER", "every node", "native TCP ports have no door");
    }

    @Test
    void aClusterOfTooManyNodesIsAUsageError() {
        MvlabRun run = MvlabRun.mvlab("cluster", "start", "--shards", "5", "--replicas", "3");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("1 to 12 nodes, got 5 x 3");
    }
}
