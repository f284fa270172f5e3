package dev.mvlab.engine;

import java.nio.file.Path;

/** Test access to package-private helpers. */
public final class InstallerTestSupport {
    private InstallerTestSupport() {
    }

    public static void deleteTree(Path dir) {
        EngineInstaller.deleteTree(dir);
    }
}
