package dev.mvlab.clickhouse;

import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.jdbc.StatementImpl;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mvlab.errors.DatabaseException;
import dev.mvlab.errors.EngineException;
import dev.mvlab.errors.ReplyLostException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ClickHouse database reached through JDBC: a HikariCP pool, or one connection for a short command. Every failure comes back as a
 * {@link DatabaseException} carrying one readable line from the server and the SQL that failed.
 */
public final class Database implements AutoCloseable {
    private static final Pattern SERVER_MESSAGE = Pattern.compile("Code: \\d+\\. DB::Exception: .*", Pattern.DOTALL);

    private final Endpoint endpoint;
    private final String name;
    /** The pool, or null when the database holds {@link #one} connection. */
    private final HikariDataSource pool;
    private final Connection one;

    private Database(Endpoint endpoint, String name, HikariDataSource pool, Connection one) {
        this.endpoint = endpoint;
        this.name = name;
        this.pool = pool;
        this.one = one;
    }

    /**
     * Opens a pool on the database (which must exist; use {@link #createDatabase} on "default" first). The name is
     * checked ({@link DatabaseName}) and travels as the client's {@code database} property, never inside the URL.
     */
    public static Database connect(Endpoint endpoint, String database) {
        DatabaseName.check(database);
        HikariConfig config = new HikariConfig();
        config.setDataSource(KeptTimeouts.dataSource(jdbcUrl(endpoint), clientProperties(endpoint, database)));
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(15_000);

        config.setPoolName("mvlab-" + database);
        try {
            return new Database(endpoint, database, new HikariDataSource(config), null);
        } catch (RuntimeException e) {
            throw new EngineException("cannot connect to ClickHouse at " + endpoint + " (database " + database + "): "
                    + rootMessage(e), "check that the engine runs: 'mvlab engine status'", e);
        }
    }

    /**
     * One connection and no pool, for a command that runs a statement or a few, one after another (sql, pipe,
     * products ...): no pool to start, and no second connection for the project's database. The connection opens on
     * "default"; with {@code createMissing} it runs {@code CREATE DATABASE IF NOT EXISTS} there first, then every
     * statement names {@code database} (the HTTP interface's {@code database} parameter, as with a pool). Not for
     * statements from several threads at once.
     */
    public static Database oneConnection(Endpoint endpoint, String database, boolean createMissing) {
        DatabaseName.check(database);
        java.util.Properties properties = clientProperties(endpoint, "default");
        properties.setProperty("user", endpoint.user());
        properties.setProperty("password", endpoint.password() == null ? "" : endpoint.password());
        Connection connection;
        try {
            // the driver itself, not DriverManager (which looks up every driver on the class path first)
            connection = new com.clickhouse.jdbc.Driver().connect(jdbcUrl(endpoint), properties);
        } catch (SQLException | RuntimeException e) {
            throw new EngineException("cannot connect to ClickHouse at " + endpoint + " (database " + database + "): "
                    + rootMessage(e), "check that the engine runs: 'mvlab engine status'", e);
        }
        Database db = new Database(endpoint, database, null, connection);
        try {
            if (createMissing && !database.equals("default")) {
                db.createDatabase(database);
            }
            connection.setSchema(database);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e instanceof SQLException sql ? db.failure(sql, "USE " + database) : (RuntimeException) e;
        }
        return db;
    }

    private static String jdbcUrl(Endpoint endpoint) {
        return "jdbc:clickhouse:" + endpoint.httpUrl() + (endpoint.secure() ? "?ssl=true" : "");
    }

    private static java.util.Properties clientProperties(Endpoint endpoint, String database) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("database", database);
        // A request whose reply is lost may have run on the server: the client resends only requests that never
        // reached it (no connection, no pooled connection), never one that was sent (NoHttpResponse) or that the
        // server answered with an error. An INSERT therefore runs at most once; a lost reply is an error that says so.
        properties.setProperty("client_retry_on_failures", "ConnectTimeout,ConnectionRequestTimeout");
        // Idle pooled connections are dropped before the server closes them, so a statement is never sent down a
        // connection the server already closed (the usual cause of a lost reply on a healthy server).
        properties.setProperty("http_keep_alive_timeout", "2000");
        // a server that accepts and never answers ends the call with a message instead of a hang
        properties.setProperty("connection_timeout", Long.toString(Endpoint.CONNECT_TIMEOUT.toMillis()));
        properties.setProperty("socket_timeout", Long.toString(endpoint.timeout().toMillis()));
        return properties;
    }

    /**
     * A connection for one call: the pool's (given back on close; its read timeout is clickhouse-jdbc's
     * socket_timeout, see {@link KeptTimeouts}) or the one connection (kept open until {@link #close()}).
     */
    private Lease lease() throws SQLException {
        return pool != null ? new Lease(pool.getConnection(), true) : new Lease(one, false);
    }

    private record Lease(Connection connection, boolean giveBack) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (giveBack) {
                connection.close();
            }
        }
    }

    public String name() {
        return name;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public void execute(String sql) {
        execute(sql, QueryParameters.none());
    }

    /** Runs a statement whose query parameters ({@code {name: String}}) take these values, sent beside the SQL. */
    public void execute(String sql, QueryParameters parameters) {
        try (Lease lease = lease(); Statement statement = statement(lease.connection(), parameters)) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    /** Runs any statement; a statement without rows gives an empty result with no columns. */
    public QueryResult run(String sql) {
        return run(sql, QueryParameters.none());
    }

    /** {@link #run(String)} with values for the statement's query parameters, sent beside the SQL. */
    public QueryResult run(String sql, QueryParameters parameters) {
        try (Lease lease = lease(); Statement statement = statement(lease.connection(), parameters)) {
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    return read(rs);
                }
            }
            return new QueryResult(List.of(), List.of(), List.of());
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    /** {@link #run(String)} with server settings for this query only (e.g. how long ON CLUSTER DDL waits). */
    public QueryResult runWithSettings(String sql, Map<String, String> settings) {
        try (Lease lease = lease(); Statement statement = lease.connection().createStatement()) {
            QuerySettings local = statement.unwrap(StatementImpl.class).getLocalSettings();
            settings.forEach(local::serverSetting);
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    return read(rs);
                }
            }
            return new QueryResult(List.of(), List.of(), List.of());
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    /** A statement that sends {@code parameters} as the server's {@code param_<name>} settings of each query. */
    private static Statement statement(Connection connection, QueryParameters parameters) throws SQLException {
        Statement statement = connection.createStatement();
        if (!parameters.isEmpty()) {
            QuerySettings settings = statement.unwrap(StatementImpl.class).getLocalSettings();
            parameters.asSettings().forEach(settings::serverSetting);
        }
        return statement;
    }

    public QueryResult query(String sql, Object... parameters) {
        try (Lease lease = lease();
             PreparedStatement statement = lease.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return read(rs);
            }
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    /**
     * Runs a query and hands each row to {@code sink} as it arrives, without keeping the result in memory. An
     * exception the sink throws ends the query and comes back unchanged.
     */
    public void stream(String sql, RowSink sink) {
        try (Lease lease = lease(); Statement statement = lease.connection().createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            readInto(rs, sink);
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    /** Whether a statement whose text contains {@code marker} is running on the server now. */
    public boolean running(String marker) {
        return ServerCatalog.of(this).progress(marker).isPresent();
    }

    /** A single number, such as a count. */
    public long queryLong(String sql, Object... parameters) {
        Object value = query(sql, parameters).scalar();
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Runs a batch of parameter rows through one prepared INSERT. */
    public int insertBatch(String sql, List<Object[]> rows) {
        try (Lease lease = lease();
             PreparedStatement statement = lease.connection().prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            return Arrays.stream(statement.executeBatch()).sum();
        } catch (SQLException e) {
            throw failure(e, sql);
        }
    }

    public void createDatabase(String database) {
        DatabaseName.check(database);
        execute("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database));
    }

    public void dropDatabase(String database) {
        DatabaseName.check(database);
        execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database) + " SYNC");
    }

    /** Another database on the same server, with its own pool. */
    public Database use(String database) {
        return connect(endpoint, database);
    }

    private static QueryResult read(ResultSet rs) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> header = new ArrayList<>();
        readInto(rs, new RowSink() {
            @Override
            public void start(List<String> columns, List<String> types) {
                header.add(columns);
                header.add(types);
            }

            @Override
            public void row(List<Object> values) {
                rows.add(values);
            }
        });
        return new QueryResult(header.get(0), header.get(1), rows);
    }

    private static void readInto(ResultSet rs, RowSink sink) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        List<String> types = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(meta.getColumnLabel(i));
            types.add(meta.getColumnTypeName(i));
        }
        sink.start(List.copyOf(columns), List.copyOf(types));
        while (rs.next()) {
            sink.row(readRow(rs, n));
        }
    }

    private static List<Object> readRow(ResultSet rs, int n) throws SQLException {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Object value = rs.getObject(i);
            row.add(value instanceof Array array ? Arrays.asList((Object[]) toObjectArray(array.getArray())) : value);
        }
        return row;
    }

    private static Object[] toObjectArray(Object array) {
        if (array instanceof Object[] objects) {
            return objects;
        }
        int length = java.lang.reflect.Array.getLength(array);
        Object[] boxed = new Object[length];
        for (int i = 0; i < length; i++) {
            boxed[i] = java.lang.reflect.Array.get(array, i);
        }
        return boxed;
    }

    /** A refused connection means the engine is unavailable (exit 5); anything else is ClickHouse refusing SQL. */
    private RuntimeException failure(SQLException e, String sql) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new EngineException("ClickHouse at " + endpoint + " did not answer within "
                        + endpoint.timeout().toSeconds() + " s", "check that the engine runs ('mvlab engine status');"
                        + " a query that needs longer: MVLAB_TIMEOUT_SECONDS=600", e);
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return new EngineException("cannot reach ClickHouse at " + endpoint + ": " + t.getMessage(),
                        "check that the engine runs: 'mvlab engine status' (or start it: 'mvlab engine start')", e);
            }
        }
        if (replyLost(e)) {
            return new ReplyLostException("the connection to ClickHouse at " + endpoint + " closed before the reply "
                    + "arrived: the statement may or may not have run, and mvlab did not send it again; look at the "
                    + "data before running it again", sql, e);
        }
        if (!String.valueOf(e.getMessage()).contains("DB::Exception") && e.getCause() != null
                && String.valueOf(e.getCause().getMessage()).contains("Connect")) {
            return new EngineException("cannot reach ClickHouse at " + endpoint + ": " + rootMessage(e),
                    "check that the engine runs: 'mvlab engine status'", e);
        }
        return new DatabaseException(serverMessage(e), sql, e);
    }

    /** The request went out and no reply came back (the server may have run it). */
    private static boolean replyLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t.getClass().getSimpleName().equals("NoHttpResponseException") || message.contains("failed to respond")
                    || t instanceof java.net.SocketException && message.contains("reset")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The server's own one-line message, without the JDBC wrapping and the version suffix. */
    static String serverMessage(Throwable e) {
        String message = rootMessage(e);
        Matcher matcher = SERVER_MESSAGE.matcher(message);
        String line = matcher.find() ? matcher.group() : message;
        int suffix = line.indexOf(" (version ");
        line = suffix > 0 ? line.substring(0, suffix) : line;
        line = line.replaceAll("\\s+", " ").strip();
        return line.length() > 600 ? line.substring(0, 600) + " ..." : line;
    }

    private static String rootMessage(Throwable e) {
        Throwable deepest = e;
        String message = e.getMessage();
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            if (deepest.getMessage() != null && deepest.getMessage().contains("DB::Exception")) {
                message = deepest.getMessage();
            }
        }
        if (message == null || !message.contains("DB::Exception")) {
            message = e.getMessage() != null ? e.getMessage() : deepest.toString();
        }
        return message;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
            return;
        }
        try {
            one.close();
        } catch (SQLException e) {
            // the client's own connections end with the process; nothing of the user's is at stake
        }
    }
}
