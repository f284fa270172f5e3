package dev.mvlab.cli;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.render.Plan;
import dev.mvlab.render.PlanFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan as numbered files ({@link PlanFiles}) into a folder that may hold the user's own files too. mvlab
 * notes what it wrote in {@value #MANIFEST} (sha256sum format: {@code sha256sum -c} checks it) and on the next write
 * removes only those files, and only while they hold what it wrote. It never overwrites or deletes a file it did not
 * write or that was edited since: it stops first, having changed nothing.
 */
final class SqlFiles {
    static final String MANIFEST = ".mvlab-render.sha256";

    private SqlFiles() {
    }

    static List<Path> write(Plan plan, Path dir) {
        try {
            Files.createDirectories(dir);
            Map<String, String> previous = manifest(dir);
            Map<String, String> next = PlanFiles.of(plan);
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, String> old : previous.entrySet()) {
                Path file = dir.resolve(old.getKey());
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !old.getValue().equals(sha256(file))) {
                    problems.add(file + " was changed since mvlab wrote it");
                }
            }
            for (Map.Entry<String, String> file : next.entrySet()) {
                Path path = dir.resolve(file.getKey());
                if (!previous.containsKey(file.getKey()) && Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                        && !sha256(file.getValue()).equals(sha256(path))) {
                    problems.add(path + " exists and mvlab did not write it");
                }
            }
            if (!problems.isEmpty()) {
                throw new MvlabException(ExitCode.USAGE, "nothing was written to " + dir + ":\n  "
                        + String.join("\n  ", problems), "move those files away, or write to another folder");
            }
            for (String old : previous.keySet()) {
                Files.deleteIfExists(dir.resolve(old));
            }
            List<Path> written = new ArrayList<>();
            StringBuilder manifest = new StringBuilder();
            for (Map.Entry<String, String> file : next.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.writeString(path, file.getValue());
                written.add(path);
                manifest.append(sha256(file.getValue())).append("  ").append(file.getKey()).append('\n');
            }
            Files.writeString(dir.resolve(MANIFEST), manifest);
            return written;
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot write SQL files to " + dir + ": " + e.getMessage());
        }
    }

    /** The files mvlab wrote last time, with their checksums; only plain names of this folder count. */
    private static Map<String, String> manifest(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" {2}", 2);
            if (parts.length == 2 && parts[0].matches("[0-9a-f]{64}") && parts[1].matches("[A-Za-z0-9_.-]+\\.sql")) {
                files.put(parts[1], parts[0]);
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? hex(Files.readAllBytes(file)) : "not a file";
    }

    private static String sha256(String content) {
        return hex(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
