package dev.mvlab.engine;

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

    private Credential() {
    }

    static Path file(Path stateDir) {
        return stateDir.resolve(FILE);
    }

    /** The credential of this engine folder, creating it on first use. */
    static String loadOrCreate(Path stateDir) {
        Optional<String> existing = read(stateDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            Files.createDirectories(stateDir);
            ChdbConfig.writePrivate(file(stateDir), ChdbConfig.randomToken() + "\n");
            return read(stateDir).orElseThrow();
        } catch (IOException e) {
            throw new EngineException("cannot write the engine credential " + file(stateDir) + ": " + e.getMessage(),
                    null);
        }
    }

    /** The stored credential, refusing a file others can read (it is then replaced on the next start). */
    static Optional<String> read(Path stateDir) {
        Path file = file(stateDir);
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
