package dev.mvlab.engine;

import dev.mvlab.engine.host.Credential;
import dev.mvlab.engine.host.EngineLayout;
import dev.mvlab.engine.host.SupervisorState;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.clickhouse.Http;

import dev.mvlab.errors.EngineException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An existing ClickHouse (a server, a cluster, ClickHouse Cloud) reached over HTTP(S). mvlab never starts or stops
 * it; user and password come from the URL's userinfo, else MVLAB_USER and MVLAB_PASSWORD (or the config file). A
 * URL of the user's own embedded engine needs nothing more: mvlab's own key is taken from the engine's folder.
 */
public final class UrlEngine implements EngineRuntime {
    private final Endpoint endpoint;

    public UrlEngine(EngineSettings settings) {
        if (settings.url() == null) {
            throw new EngineException("the url engine needs a server address",
                    "pass --url http://host:8123 (or https://host:8443), or set MVLAB_URL");
        }
        Endpoint parsed;
        try {
            parsed = Endpoint.fromUrl(settings.url(), settings.user(), settings.password()).withTimeout(settings.timeout());
        } catch (IllegalArgumentException e) {
            throw new EngineException("bad engine url: " + e.getMessage(), "example: --url https://host:8443");
        }
        this.endpoint = ownEngine(parsed, new EngineLayout(settings.stateDir()))
                .or(() -> RunningEngines.in(settings).folderOf(parsed.httpPort()).flatMap(f -> ownEngine(parsed, f)))
                .orElse(parsed);
    }

    /**
     * An mvlab engine of this user named by its URL without a password (the one of {@code MVLAB_HOME}, else the one
     * {@link RunningEngines} notes on that port): its state file says it listens on that port, and its folder holds
     * mvlab's own key (readable by this user only).
     */
    private static Optional<Endpoint> ownEngine(Endpoint parsed, EngineLayout layout) {
        if (!parsed.password().isEmpty() || parsed.secure() || !Endpoint.isLoopback(parsed.host())) {
            return Optional.empty();
        }
        return SupervisorState.read(layout.stateFile()).filter(s -> s.isEngineOf(layout))
                .filter(s -> s.httpPort() == parsed.httpPort())
                .flatMap(s -> Credential.readOwn(layout.stateDir()).or(() -> Credential.read(layout.stateDir())))
                .map(parsed::withPassword);
    }

    @Override
    public EngineProvider provider() {
        return EngineProvider.URL;
    }

    @Override
    public EngineStatus start() {
        EngineStatus status = status();
        if (!status.running()) {
            throw new EngineException("the ClickHouse at " + endpoint.httpUrl() + " does not answer: " + status.note(),
                    "mvlab never starts an external server: check the address, the network, MVLAB_USER and MVLAB_PASSWORD");
        }
        return status;
    }

    @Override
    public void stop() {
        // an external server is not mvlab's to stop
    }

    @Override
    public EngineStatus status() {
        try {
            String version = Http.query(endpoint, "SELECT version()").strip();
            return new EngineStatus(provider(), true, version, endpoint, null, null, null, null,
                    "external server: never started or stopped by mvlab");
        } catch (IOException e) {
            return new EngineStatus(provider(), false, null, endpoint, null, null, null, null,
                    e instanceof java.net.SocketTimeoutException ? "no answer within "
                            + Math.min(endpoint.timeout().toSeconds(), 10) + " s"
                            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    @Override
    public Optional<Endpoint> endpoint() {
        return Optional.of(endpoint);
    }

    @Override
    public Optional<Path> logFile() {
        return Optional.empty();
    }
}
