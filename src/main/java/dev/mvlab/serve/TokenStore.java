package dev.mvlab.serve;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API's tokens: an admin token and one token per name in the project's {@code TOKEN} lines, with exactly the
 * scopes those lines give. Values are random, made once and kept in {@code .mvlab/serve/tokens.json} (git-ignored
 * with {@code .mvlab/}), so they stay the same across restarts. The file is mode 0600 in a 0700 folder, like the
 * engine's credential: looser modes found on start are tightened.
 */
public final class TokenStore {
    public static final String ADMIN = "admin token";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FILE_MODE = "rw-------";
    private static final String DIR_MODE = "rwx------";

    private final List<Token> tokens;

    private TokenStore(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** Loads the values from {@code file}, making and saving the missing ones. */
    public static TokenStore load(Project project, Path file) {
        Map<String, List<Token.Grant>> grants = new LinkedHashMap<>();
        grants.put(ADMIN, List.of(new Token.Grant(TokenScope.ADMIN, null)));
        for (DataSource ds : project.datasources()) {
            ds.tokens().forEach(line -> add(grants, line, ds.name()));
        }
        for (Pipe pipe : project.pipes()) {
            pipe.tokens().forEach(line -> add(grants, line, pipe.name()));
        }
        Map<String, String> values = read(file);
        boolean changed = false;
        List<Token> tokens = new ArrayList<>();
        for (Map.Entry<String, List<Token.Grant>> entry : grants.entrySet()) {
            String value = values.get(entry.getKey());
            if (value == null) {
                value = newValue();
                values.put(entry.getKey(), value);
                changed = true;
            }
            tokens.add(new Token(entry.getKey(), value, List.copyOf(entry.getValue())));
        }
        if (changed) {
            write(file, values);
        }
        keepPrivate(file);
        return new TokenStore(tokens);
    }

    private static void add(Map<String, List<Token.Grant>> grants, String line, String resource) {
        int space = line.lastIndexOf(' ');
        String name = space < 0 ? line : line.substring(0, space).strip();
        String scope = space < 0 ? "READ" : line.substring(space + 1).strip().toUpperCase(Locale.ROOT);
        TokenScope parsed = scope.equals("APPEND") ? TokenScope.APPEND : TokenScope.READ;
        grants.computeIfAbsent(name, k -> new ArrayList<>()).add(new Token.Grant(parsed, resource));
    }

    public List<Token> all() {
        return tokens;
    }

    public Token admin() {
        return tokens.get(0);
    }

    public Optional<Token> byValue(String value) {
        return tokens.stream().filter(t -> t.value().equals(value)).findFirst();
    }

    public Optional<Token> byName(String name) {
        return tokens.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static String newValue() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return "p." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(FILE_MODE)));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: its own access rules apply
        }
    }

    /** Mode 0600 for the file and 0700 for its folder, whatever they were. */
    private static void keepPrivate(Path file) {
        try {
            Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString(DIR_MODE));
            if (Files.isRegularFile(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(FILE_MODE));
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot make the token file " + file + " private: "
                    + e.getMessage(), "run: chmod 700 " + file.getParent() + " && chmod 600 " + file);
        }
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot read the token file " + file + ": " + e.getMessage(),
                    "delete it to make new tokens");
        }
    }

    private static void write(Path file, Map<String, String> values) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            createPrivate(temp);
            JSON.writeValue(temp.toFile(), values);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MvlabException(ExitCode.USAGE, "cannot write the token file " + file + ": " + e.getMessage(),
                    "check that the project folder is writable");
        }
    }
}
