package dev.mvlab.testing;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.engine.EmbeddedEngine;
import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.engine.EngineProvider;
import dev.mvlab.engine.EngineRuntime;
import dev.mvlab.engine.EngineSettings;
import dev.mvlab.engine.Engines;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Gives tests a running ClickHouse: one engine per test run (started once, stopped when the run ends) and a fresh
 * database per test class. By default the embedded engine, with its own data folder under {@code target/} and ports
 * chosen by the OS, so it never collides with an engine the user runs; {@code MVLAB_ENGINE=docker} uses
 * Testcontainers, {@code MVLAB_ENGINE=url} an external server ({@code MVLAB_URL}).
 *
 * <p>Inject {@link Database} (the class's own database) or {@link Endpoint} into test methods, constructors or
 * {@code @BeforeAll} methods.
 */
public final class ClickHouseExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClickHouseExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Database.class || type == Endpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Endpoint endpoint = engine(context).endpoint;
        if (parameter.getParameter().getType() == Endpoint.class) {
            return endpoint;
        }
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("database",
                key -> new ClassDatabase(endpoint, testClass), ClassDatabase.class).database;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** The run's shared engine. */
    public static Endpoint sharedEndpoint(ExtensionContext context) {
        return engine(context).endpoint;
    }

    private static RunEngine engine(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("engine", key -> new RunEngine(),
                RunEngine.class);
    }

    /**
     * The settings the test engine uses; tests that start engines of their own derive theirs from these. The engine's
     * home is the test folder itself (never the user's ~/.mvlab nor MVLAB_HOME), its ports are chosen by the OS, and
     * its access is the default (no file(), url(), remote()).
     */
    public static EngineSettings testSettings(Path projectDir) {
        return testSettings(projectDir, "");
    }

    /** The same with an engine access such as {@code file}. */
    public static EngineSettings testSettings(Path projectDir, String access) {
        return EngineSettings.resolve(projectDir, Map.of("http.port", "0", "tcp.port", "0",
                "home", projectDir.toAbsolutePath().toString(), "engine.access", access, "engine.origins", ""),
                System.getenv());
    }

    /** Where the test run keeps its engines' data: target/test-engines (never the user's .mvlab/). */
    public static Path testRoot() {
        return Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath().resolve("target")
                .resolve("test-engines");
    }

    private static final class RunEngine implements ExtensionContext.Store.CloseableResource {
        final EngineRuntime runtime;
        final Endpoint endpoint;

        RunEngine() {
            EngineSettings settings = testSettings(testRoot().resolve("shared"));
            EngineProvider provider = settings.provider();
            runtime = provider == EngineProvider.AUTO || provider == EngineProvider.EMBEDDED
                    ? new EmbeddedEngine(settings, ProcessHandle.current().pid())
                    : Engines.create(settings);
            endpoint = runtime.start().endpoint();
        }

        @Override
        public void close() {
            runtime.stop();
        }
    }

    private static final class ClassDatabase implements ExtensionContext.Store.CloseableResource {
        final Database database;
        private final Database admin;

        ClassDatabase(Endpoint endpoint, Class<?> testClass) {
            String name = "t_" + testClass.getSimpleName().toLowerCase(Locale.ROOT) + "_"
                    + UUID.randomUUID().toString().substring(0, 8);
            admin = Database.connect(endpoint, "default");
            admin.createDatabase(name);
            database = Database.connect(endpoint, name);
        }

        /**
         * Drops the class's database and every database a test of the class derived from its name ({@code
         * <name>_...}), so a run against a shared server ({@code MVLAB_ENGINE=url}) leaves nothing behind.
         */
        @Override
        public void close() {
            database.close();
            List<List<Object>> derived = admin.query("SELECT name FROM system.databases WHERE startsWith(name, ?)",
                    database.name() + "_").rows();
            derived.forEach(row -> admin.dropDatabase(String.valueOf(row.get(0))));
            admin.dropDatabase(database.name());
            admin.close();
        }
    }
}
