package dev.mvlab.testing;

import dev.mvlab.engine.EmbeddedEngine;
import dev.mvlab.engine.EngineSettings;
import dev.mvlab.files.FileTrees;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Engines of a test's own, apart from the shared one of {@link ClickHouseExtension}: each in a folder emptied first,
 * owned by the test JVM (it stops with it), and stopped after each test ({@link #perTest()}, an instance field) or
 * after the class ({@link #perClass()}, a static field), whatever the test did to them:
 * <pre>{@code @RegisterExtension final OwnEngines engines = OwnEngines.perTest();
 * EmbeddedEngine engine = engines.create("lifecycle");}</pre>
 */
public final class OwnEngines implements AfterEachCallback, AfterAllCallback {
    private final boolean perTest;
    private final List<EmbeddedEngine> created = new ArrayList<>();

    private OwnEngines(boolean perTest) {
        this.perTest = perTest;
    }

    /** Stops the engines a test created when it ends. */
    public static OwnEngines perTest() {
        return new OwnEngines(true);
    }

    /** Stops the engines when the test class ends. */
    public static OwnEngines perClass() {
        return new OwnEngines(false);
    }

    /** An empty folder {@code name} under the test root (emptied when it exists). */
    public static Path freshFolder(String name) {
        Path folder = ClickHouseExtension.testRoot().resolve(name);
        FileTrees.deleteQuietly(folder);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An engine (not started) for a fresh folder {@code name}, with the tests' settings. */
    public EmbeddedEngine create(String name) {
        return create(name, settings -> settings, List.of());
    }

    /** The same, its host JVM started with {@code hostJvmOptions} too. */
    public EmbeddedEngine create(String name, List<String> hostJvmOptions) {
        return create(name, settings -> settings, hostJvmOptions);
    }

    /** The same with an engine access such as {@code file} (see {@link ClickHouseExtension#testSettings(Path, String)}). */
    public EmbeddedEngine create(String name, String access) {
        return track(new EmbeddedEngine(ClickHouseExtension.testSettings(freshFolder(name), access),
                ProcessHandle.current().pid()));
    }

    /** The same, with the tests' settings for the folder changed by {@code change}. */
    public EmbeddedEngine create(String name, UnaryOperator<EngineSettings> change, List<String> hostJvmOptions) {
        EngineSettings settings = change.apply(ClickHouseExtension.testSettings(freshFolder(name)));
        return track(new EmbeddedEngine(settings, ProcessHandle.current().pid(), hostJvmOptions));
    }

    /** Stops {@code engine} (made elsewhere) with the others. */
    public EmbeddedEngine track(EmbeddedEngine engine) {
        created.add(engine);
        return engine;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stopAll();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopAll();
    }

    private void stopAll() {
        for (EmbeddedEngine engine : created) {
            engine.stop();
        }
        created.clear();
    }
}
