package dev.mvlab.clickhouse;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * clickhouse-jdbc's connections for HikariCP, keeping the driver's {@code socket_timeout}. HikariCP sets a
 * connection's network timeout while validating it and then resets it to what the driver reported (none), which
 * silently removes the read timeout (a server that accepts and never answers then hangs a query for ever). These
 * connections report network timeouts as unsupported, so HikariCP leaves the driver's own timeout alone.
 */
final class KeptTimeouts {
    private KeptTimeouts() {
    }

    static DataSource dataSource(String jdbcUrl, Properties extra) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("user and password are required");
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                Properties properties = new Properties();
                properties.putAll(extra);
                properties.setProperty("user", user);
                properties.setProperty("password", password == null ? "" : password);
                return keepTimeouts(DriverManager.getConnection(jdbcUrl, properties));
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
                // not used
            }

            @Override
            public void setLoginTimeout(int seconds) {
                // the driver's connection_timeout applies
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                if (type.isInstance(this)) {
                    return type.cast(this);
                }
                throw new SQLException("not a wrapper of " + type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return type.isInstance(this);
            }
        };
    }

    private static Connection keepTimeouts(Connection connection) {
        return (Connection) Proxy.newProxyInstance(KeptTimeouts.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getNetworkTimeout") || method.getName().equals("setNetworkTimeout")) {
                        throw new SQLFeatureNotSupportedException("mvlab keeps the driver's socket_timeout");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
