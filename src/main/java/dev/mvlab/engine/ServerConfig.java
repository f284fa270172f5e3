package dev.mvlab.engine;

import java.nio.file.Path;

/** The minimal {@code clickhouse server} configuration mvlab generates for the clickhouse-binary engine. */
final class ServerConfig {
    private ServerConfig() {
    }

    static String xml(Path dir, int httpPort, int tcpPort) {
        String base = dir.toAbsolutePath() + "/";
        return """
                <clickhouse>
                    <logger><level>information</level><log>%1$sclickhouse-server.log</log>\
                <errorlog>%1$sclickhouse-server.err.log</errorlog><console>0</console></logger>
                    <listen_host>127.0.0.1</listen_host>
                    <http_port>%2$d</http_port>
                    <tcp_port>%3$d</tcp_port>
                    <path>%1$sdata/</path>
                    <tmp_path>%1$stmp/</tmp_path>
                    <user_files_path>%1$suser_files/</user_files_path>
                    <format_schema_path>%1$sformat_schemas/</format_schema_path>
                    <mark_cache_size>268435456</mark_cache_size>
                    <users>
                        <default>
                            <password></password>
                            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                            <profile>default</profile>
                            <quota>default</quota>
                            <access_management>1</access_management>
                        </default>
                    </users>
                    <profiles><default/></profiles>
                    <quotas><default/></quotas>
                </clickhouse>
                """.formatted(base, httpPort, tcpPort);
    }
}
