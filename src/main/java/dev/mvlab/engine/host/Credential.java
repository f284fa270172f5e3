package dev.mvlab.engine.host;

import dev.mvlab.errors.EngineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The user's key to their engine: generated once per mvlab home, kept in {@code engine/credential} with mode 0600,
 * sent by every mvlab command as the password of HTTP basic authentication, shown by {@code mvlab engine credential}
 * for the user's own clients.
 */
public final class Credential {
    static final String FILE = "credential";
    /** mvlab's own key: its commands send it instead of the credential, for a lane and a user of their own. */
    static final String OWN_FILE = "own-key";

    private Credential() {
    }

    public static Path file(Path stateDir) {
        return stateDir.resolve(FILE);
    }

    static Path ownFile(Path stateDir) {
        return stateDir.resolve(OWN_FILE);
    }

    /** The credential of this engine folder, creating it on first use. */
    public static String loadOrCreate(Path stateDir) {
        return loadOrCreate(stateDir, FILE);
    }

    /** mvlab's own key of this engine folder, creating it on first use. */
    public static String loadOrCreateOwn(Path stateDir) {
        return loadOrCreate(stateDir, OWN_FILE);
    }

    /** mvlab's own key, when the engine has one. */
    public static Optional<String> readOwn(Path stateDir) {
        return read(stateDir, OWN_FILE);
    }

    private static String loadOrCreate(Path stateDir, String name) {
        Optional<String> existing = read(stateDir, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            Files.createDirectories(stateDir);
            PrivateFiles.write(stateDir.resolve(name), ChdbConfig.randomToken() + "\n");
            return read(stateDir, name).orElseThrow();
        } catch (IOException e) {
            throw new EngineException("cannot write the engine key " + stateDir.resolve(name) + ": "
                    + e.getMessage(), null);
        }
    }

    /** The stored credential, refusing a file others can read (it is then replaced on the next start). */
    public static Optional<String> read(Path stateDir) {
        return read(stateDir, FILE);
    }

    private static Optional<String> read(Path stateDir, String name) {
        Path file = stateDir.resolve(name);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new EngineException("the engine credential " + file + " is readable by other users",
                        "restrict it: chmod 600 " + file);
            }
            String text = Files.readString(file).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
