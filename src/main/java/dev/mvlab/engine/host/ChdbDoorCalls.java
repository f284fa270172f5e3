package dev.mvlab.engine.host;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine host's own calls to chDB's private door: the readiness ping and the query that ends the keep-alive
 * query. Each call closes its connection ({@code Connection: close}): on its way down clickhouse-local waits for every
 * open connection, an idle keep-alive one included, for up to {@code shutdown_wait_unfinished} (5 s), and then exits
 * without shutting its tables down; a call of these must never be what it waits for.
 */
final class ChdbDoorCalls {
    private ChdbDoorCalls() {
    }

    /** True when chDB answers {@code Ok.} to {@code /ping} on its private port. */
    static boolean ping(int port, Duration timeout) {
        try {
            ContentResponse answer = client().newRequest("http://127.0.0.1:" + port + "/ping")
                    .headers(h -> h.put(HttpHeader.CONNECTION, "close"))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).send();
            return answer.getStatus() == 200 && answer.getContentAsString().startsWith("Ok");
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Ends the keep-alive query ({@link EngineHost#STOP_QUERY}) through the door with its secret; clickhouse-local
     * then shuts down. Returns chDB's status, or -1 when it did not answer.
     */
    static int endKeepAlive(int port, String secret, Duration timeout) throws InterruptedException {
        try {
            return client().newRequest("http://127.0.0.1:" + port + "/").method(HttpMethod.POST)
                    .headers(h -> h.put(HttpHeader.CONNECTION, "close").put(ChdbConfig.SECRET_HEADER, secret))
                    .body(new StringRequestContent(EngineHost.STOP_QUERY))
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).send().getStatus();
        } catch (TimeoutException | ExecutionException e) {
            return -1;
        }
    }

    private static HttpClient client() {
        return Holder.CLIENT;
    }

    /** Started on first use, on daemon threads: the engine host's JVMs end without stopping it. */
    private static final class Holder {
        static final HttpClient CLIENT = start();

        private static HttpClient start() {
            QueuedThreadPool threads = new QueuedThreadPool(8, 1);
            threads.setName("chdb-door");
            threads.setDaemon(true);
            HttpClient client = new HttpClient();
            client.setExecutor(threads);
            client.setConnectTimeout(2000);
            try {
                client.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the HTTP client of the engine host", e);
            }
            return client;
        }
    }
}
