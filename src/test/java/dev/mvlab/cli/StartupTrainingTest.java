package dev.mvlab.cli;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.MvlabRun;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: the class data sharing archive's training run reaches a real answer, so the JDBC client's classes after
 * the connection (its request, its reader of compressed RowBinary) and mvlab's rendering are archived.
 */
class StartupTrainingTest {

    @Test
    void theStandInAnswersAQueryCommandAsClickHouseDoes() throws Exception {
        Server standIn = StartupTraining.answeringAsClickHouse(Endpoint.basicAuthorization("mvlab_training", "pw1"));
        try {
            int port = ((ServerConnector) standIn.getConnectors()[0]).getLocalPort();
            // a caller without the run's credential gets nothing of the answer
            MvlabRun stranger = MvlabRun.mvlab("sql", "--engine", "url", "--url", "http://mvlab_training:guess@127.0.0.1:"
                    + port, "SELECT 1");
            assertThat(stranger.code()).isNotZero();
            assertThat(stranger.out()).doesNotContain("(1 row)");
            String url = "http://mvlab_training:pw1@127.0.0.1:" + port;
            MvlabRun table = MvlabRun.mvlab("sql", "--engine", "url", "--url", url, "SELECT 1");
            assertThat(table.code()).isZero();
            assertThat(table.out()).isEqualTo("1\n-\n1\n(1 row)\n");
            MvlabRun json = MvlabRun.mvlab("sql", "--engine", "url", "--url", url, "--format", "json", "SELECT 1");
            assertThat(json.code()).isZero();
            assertThat(json.out()).contains("\"1\" : 1");
        } finally {
            standIn.stop();
        }
    }

    @Test
    void theWholeTrainingRunEndsWithoutAnEngine() throws Exception {
        StartupTraining.main(new String[0]);
    }
}
