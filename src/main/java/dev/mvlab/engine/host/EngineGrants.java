package dev.mvlab.engine.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grants of the engine's ClickHouse users, built from {@link EngineAccess}: what SQL sent with the credential may
 * reach beyond the engine's own tables. ClickHouse's own access control does the refusing; nothing here reads SQL.
 *
 * <ul>
 *   <li>Table functions and engines that read or write outside ({@code file()}, {@code url()}, {@code s3()},
 *       {@code remote()}...) need {@code READ}/{@code WRITE ON <source>}: only the enabled kinds' sources are granted.
 *   <li>Creating a table needs {@code TABLE ENGINE ON <engine>} (the config sets
 *       {@code table_engines_require_grant}): granted for the engines that keep data in the engine only, plus the
 *       engines of the enabled kinds. An engine ClickHouse adds later is refused until it is listed here.
 *   <li>Dictionary sources are not covered by grants, and inside clickhouse-local neither the remote host filter
 *       nor the refusal of EXECUTABLE sources created by DDL applies (measured on 26.7.3). So {@code CREATE
 *       DICTIONARY} is granted to {@link ChdbConfig#RELAY_USER} (the credential) only with the {@code executable}
 *       kind; mvlab's own commands ({@link ChdbConfig#OWN_USER}, the user's own project and lesson files) keep it.
 *       A FILE source finds an empty {@code user_files_path}; a CLICKHOUSE source naming {@code default} runs with
 *       {@link #local()}'s grants.
 * </ul>
 */
final class EngineGrants {
    /** Engines whose data stays inside the engine's data folder. */
    static final List<String> LOCAL_ENGINES = List.of("MergeTree", "ReplacingMergeTree", "SummingMergeTree",
            "AggregatingMergeTree", "CollapsingMergeTree", "VersionedCollapsingMergeTree", "CoalescingMergeTree",
            "GraphiteMergeTree", "ReplicatedMergeTree", "ReplicatedReplacingMergeTree", "ReplicatedSummingMergeTree",
            "ReplicatedAggregatingMergeTree", "ReplicatedCollapsingMergeTree",
            "ReplicatedVersionedCollapsingMergeTree", "ReplicatedCoalescingMergeTree", "ReplicatedGraphiteMergeTree",
            "Memory", "Null", "Log", "TinyLog", "StripeLog", "Buffer", "Set", "Join", "Dictionary", "Merge", "View",
            "MaterializedView", "WindowView", "GenerateRandom", "Loop", "Alias", "TimeSeries", "EmbeddedRocksDB");

    /** Per kind: the sources ({@code READ}/{@code WRITE ON}) it opens. */
    static final Map<EngineAccess.Source, List<String>> SOURCES = Map.of(
            EngineAccess.Source.FILE, List.of("FILE", "SQLITE"),
            EngineAccess.Source.URL, List.of("URL", "S3", "HDFS", "AZURE", "MYSQL", "POSTGRES", "ODBC", "JDBC",
                    "MONGO", "REDIS", "KAFKA", "NATS", "RABBITMQ", "HIVE", "YTSAURUS", "ARROW_FLIGHT"),
            EngineAccess.Source.REMOTE, List.of("REMOTE"),
            EngineAccess.Source.EXECUTABLE, List.of());

    /** Per kind: the table engines it opens. */
    static final Map<EngineAccess.Source, List<String>> ENGINES = Map.of(
            EngineAccess.Source.FILE, List.of("File", "FileLog", "SQLite", "DeltaLakeLocal", "IcebergLocal",
                    "PaimonLocal"),
            EngineAccess.Source.URL, List.of("URL", "S3", "S3Queue", "GCS", "COSN", "OSS", "AzureBlobStorage",
                    "AzureQueue", "HDFS", "DeltaLake", "DeltaLakeAzure", "DeltaLakeS3", "Hudi", "Iceberg",
                    "IcebergAzure", "IcebergHDFS", "IcebergS3", "Paimon", "PaimonAzure", "PaimonHDFS", "PaimonS3",
                    "MySQL", "PostgreSQL", "MaterializedPostgreSQL", "MongoDB", "Redis", "ODBC", "JDBC", "Kafka",
                    "NATS", "RabbitMQ", "YTsaurus"),
            EngineAccess.Source.REMOTE, List.of("Distributed", "Remote", "RemoteSecure"),
            EngineAccess.Source.EXECUTABLE, List.of("Executable", "ExecutablePool"));

    private EngineGrants() {
    }

    /** The grants of the user the credential opens. */
    static List<String> relay(EngineAccess access) {
        List<String> grants = common(access);
        if (!access.allows(EngineAccess.Source.EXECUTABLE)) {
            grants.add("REVOKE CREATE DICTIONARY ON *.*");
        }
        return grants;
    }

    /** The grants of mvlab's own commands: the same, with dictionaries (lessons read them with dictGet). */
    static List<String> own(EngineAccess access) {
        return common(access);
    }

    private static List<String> common(EngineAccess access) {
        List<String> grants = new ArrayList<>();
        grants.add("GRANT ALL ON *.*");
        grants.add("REVOKE SOURCES ON *.*"); // the older global form (GRANT FILE ON *.*)
        grants.add("REVOKE READ, WRITE ON *");
        grants.add("REVOKE TABLE ENGINE ON *");
        grants.add("REVOKE SYSTEM SHUTDOWN ON *.*"); // the supervisor would restart it, but nobody needs it
        LOCAL_ENGINES.forEach(e -> grants.add("GRANT TABLE ENGINE ON " + e));
        for (EngineAccess.Source kind : EngineAccess.Source.values()) {
            if (access.allows(kind)) {
                SOURCES.get(kind).forEach(s -> grants.add("GRANT READ, WRITE ON " + s));
                ENGINES.get(kind).forEach(e -> grants.add("GRANT TABLE ENGINE ON " + e));
            }
        }
        return grants;
    }

    /**
     * The grants of {@code default}: clickhouse-local's own session (start listening, write its ports file, run and
     * end its keep-alive query) and the user a dictionary's CLICKHOUSE source runs as. It reads tables and nothing
     * outside: {@code WRITE ON FILE} serves the ports file, and a dictionary's query can only be a SELECT.
     */
    static List<String> local() {
        return List.of("GRANT SELECT, SHOW, dictGet, CREATE TEMPORARY TABLE, KILL QUERY, SYSTEM LISTEN ON *.*",
                "GRANT WRITE ON FILE");
    }

    /**
     * What a node of the local cluster adds for every user: the Distributed engine (its shards are the cluster's own
     * nodes; {@code remote()} stays closed), and for {@code default}, as which the other nodes' Distributed tables
     * arrive over the native port, inserting into the local tables their blocks go to.
     */
    static List<String> clusterNode() {
        return List.of("GRANT TABLE ENGINE ON Distributed", "GRANT INSERT, ALTER, SYSTEM FLUSH ON *.*");
    }
}
