package dev.mvlab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, item 4: {@code dev.mvlab.clickhouse} is the one door to a ClickHouse server. A plain scan of the main
 * sources fails when code outside it opens HTTP connections of its own ({@code java.net.http}), reads the engine
 * credential, or names a {@code system.} table in a string. What still does so is listed below, each with its reason;
 * an entry that no longer breaks its rule fails the test too, so the lists only shrink. Issue 18, item 2: the engine's
 * child processes ({@code dev.mvlab.engine.host}) are the only home of JNA and, besides {@code cli}, of
 * {@code System.exit} and printing to the process's own output.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/mvlab");
    private static final String DOOR = "clickhouse/";
    private static final String HOST = "engine/host/";
    private static final String CLI = "cli/";

    /** Own HTTP clients outside the door. */
    private static final Set<String> HTTP_ALLOWED = Set.of(
            // The engine's child process and its relay talk to their own clickhouse-local and relay (lifecycle).
            "engine/host/HttpRelay.java", "engine/host/RequestBody.java",
            // serve calls serve (its own API), not ClickHouse.
            "serve/RunningServer.java");

    /** Readers of the credential file outside the door. */
    private static final Set<String> CREDENTIAL_ALLOWED = Set.of(
            // The engine lifecycle creates the credential and hands it out inside the Endpoint it returns.
            "engine/EmbeddedEngine.java", "engine/UrlEngine.java", "engine/host/EngineSupervisor.java");

    /** {@code system.} tables named outside the door: everything else asks {@code clickhouse.ServerCatalog}. */
    private static final Set<String> SYSTEM_ALLOWED = Set.of(
            // The engine's child process and its status reader ask their own server (lifecycle).
            "engine/EngineStatusReader.java", "engine/host/EngineHost.java");

    /** JNA outside the engine host. None: the host loads libchdb.so and applies the file sandbox. */
    private static final Set<String> JNA_ALLOWED = Set.of();

    /** {@code System.exit} or {@code System.out}/{@code System.err} outside the engine host and cli. None. */
    private static final Set<String> EXIT_OR_PRINT_ALLOWED = Set.of();

    private static final Pattern JNA_IMPORT = Pattern.compile("(?m)^import (static )?com\\.sun\\.jna\\.");
    private static final Pattern EXIT_OR_PRINT = Pattern.compile(
            "\\bSystem\\s*\\.\\s*(exit|out|err)\\b|\\bgetRuntime\\s*\\(\\s*\\)\\s*\\.\\s*(exit|halt)\\b");
    private static final Pattern HTTP_IMPORT = Pattern.compile("(?m)^import (static )?java\\.net\\.http\\.");
    private static final Pattern CREDENTIAL_READ = Pattern.compile("\\bCredential\\.(read|loadOrCreate)\\w*\\(");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern SYSTEM_TABLE = Pattern.compile("\\bsystem\\.[a-z_]+");

    @Test
    void onlyTheClickhousePackageOpensItsOwnHttpConnections() throws IOException {
        assertBreakers(sources(), HTTP_IMPORT::matcher, HTTP_ALLOWED);
    }

    @Test
    void onlyTheEngineLifecycleReadsTheCredential() throws IOException {
        assertBreakers(sources(), CREDENTIAL_READ::matcher, CREDENTIAL_ALLOWED);
    }

    @Test
    void systemTablesAreNamedOnlyInTheClickhousePackage() throws IOException {
        assertBreakers(sources(), text -> {
            StringBuilder strings = new StringBuilder();
            for (String line : text.split("\n")) {
                String code = line.strip();
                if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                    continue;
                }
                Matcher literal = STRING.matcher(line);
                while (literal.find()) {
                    strings.append(literal.group()).append('\n');
                }
            }
            return SYSTEM_TABLE.matcher(strings);
        }, SYSTEM_ALLOWED);
    }

    @Test
    void onlyTheEngineHostLoadsNativeCode() throws IOException {
        assertBreakers(sources(), JNA_IMPORT::matcher, Set.of(HOST), JNA_ALLOWED);
    }

    @Test
    void onlyTheEngineHostAndCliEndTheProcessOrPrint() throws IOException {
        assertBreakers(sources(), EXIT_OR_PRINT::matcher, Set.of(HOST, CLI), EXIT_OR_PRINT_ALLOWED);
    }

    @Test
    void theScanSeesWhatItLooksFor() {
        assertThat(JNA_IMPORT.matcher("package x;\nimport com.sun.jna.Pointer;\n").find()).isTrue();
        assertThat(EXIT_OR_PRINT.matcher("        System.exit(2);").find()).isTrue();
        assertThat(EXIT_OR_PRINT.matcher("        System.out.println(x);").find()).isTrue();
        assertThat(EXIT_OR_PRINT.matcher("        System.err.println(x);").find()).isTrue();
        assertThat(EXIT_OR_PRINT.matcher("        Runtime.getRuntime().halt(1);").find()).isTrue();
        assertThat(EXIT_OR_PRINT.matcher("import static java.lang.System.out;").find()).isTrue();
        assertThat(EXIT_OR_PRINT.matcher("        System.getProperty(\"java.home\");").find()).isFalse();
        assertThat(HTTP_IMPORT.matcher("package x;\nimport java.net.http.HttpClient;\n").find()).isTrue();
        assertThat(CREDENTIAL_READ.matcher("String k = Credential.loadOrCreateOwn(dir);").find()).isTrue();
        assertThat(SYSTEM_TABLE.matcher("\"SELECT name FROM system.tables\"").find()).isTrue();
        assertThat(SYSTEM_TABLE.matcher("\"the file system.\"").find()).isFalse();
    }

    private interface Rule {
        Matcher apply(String text);
    }

    private static void assertBreakers(Map<String, String> sources, Rule rule, Set<String> allowed) {
        assertBreakers(sources, rule, Set.of(DOOR), allowed);
    }

    /** Files outside the {@code homes} (package folders) that break the rule must be exactly the allowed ones. */
    private static void assertBreakers(Map<String, String> sources, Rule rule, Set<String> homes, Set<String> allowed) {
        Set<String> breakers = new TreeSet<>();
        sources.forEach((file, text) -> {
            if (homes.stream().noneMatch(file::startsWith) && rule.apply(text).find()) {
                breakers.add(file);
            }
        });
        assertThat(breakers).as("files outside " + homes + " that break the rule and are not allowed")
                .isSubsetOf(allowed);
        assertThat(new TreeSet<>(allowed)).as("allowed files that no longer break the rule: remove them from the list")
                .isSubsetOf(breakers);
    }

    private static Map<String, String> sources() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(MAIN.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        assertThat(sources).as("main sources found under " + MAIN.toAbsolutePath()).hasSizeGreaterThan(100);
        return sources;
    }
}
