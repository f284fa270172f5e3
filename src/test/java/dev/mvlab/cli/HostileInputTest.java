package dev.mvlab.cli;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import dev.mvlab.testing.MvlabRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile and malformed inputs through the real command line ({@link Main#run}) and, for {@code check}, the real
 * engine: datafiles, include files, check files and lesson manifests that try to read outside the project, hang,
 * exhaust the stack or the heap, or smuggle SQL into a statement. Each ends with its documented exit code, a
 * {@code file:line:col} (or {@code file:line}) naming the place, and no stack trace, within a time limit.
 * The files are generated here, under a temporary folder.
 */
@ExtendWith(ClickHouseExtension.class)
class HostileInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String OK_DATASOURCE = "SCHEMA >\n    `a` String,\n    `ts` DateTime\nENGINE_SORTING_KEY a\n";
    private static final String RMT_TARGET = "NODE n\nSQL >\n    SELECT a, ts FROM ok\nTYPE materialized\n"
            + "DATASOURCE inline_target\nENGINE ReplacingMergeTree\nENGINE_SORTING_KEY a\n";

    @TempDir
    static Path root;
    private static Endpoint engine;

    @BeforeAll
    static void engine(Endpoint endpoint) {
        engine = endpoint;
    }

    /** What a case writes into its project folder. */
    interface Setup {
        void write(Project project) throws Exception;
    }

    /** A case's folder: a project with datasources/ok.datasource, and helpers to add files. */
    record Project(Path dir) {
        Path file(String path, String text) throws IOException {
            return bytes(path, text.getBytes(StandardCharsets.UTF_8));
        }

        Path bytes(String path, byte[] content) throws IOException {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        }

        Path datasource(String text) throws IOException {
            return file("datasources/x.datasource", text);
        }

        Path pipe(String text) throws IOException {
            return file("pipes/x.pipe", text);
        }
    }

    private enum Command { CHECK, VERIFY, LESSON }

    private record Case(String name, Command command, Setup setup, int code, List<String> expected) {
    }

    private final List<Case> cases = new ArrayList<>();

    private void check(String name, Setup setup, int code, String... expected) {
        cases.add(new Case(name, Command.CHECK, setup, code, List.of(expected)));
    }

    private void verify(String name, String yaml, String... expected) {
        cases.add(new Case(name, Command.VERIFY, p -> p.file("checks.yaml", yaml), 3, List.of(expected)));
    }

    private void verifyBytes(String name, byte[] yaml, String... expected) {
        cases.add(new Case(name, Command.VERIFY, p -> p.bytes("checks.yaml", yaml), 3, List.of(expected)));
    }

    private void lesson(String name, String yaml, String... expected) {
        cases.add(new Case(name, Command.LESSON, p -> p.file("lessons/01-hostile/lesson.yaml", yaml), 3,
                List.of(expected)));
    }

    @TestFactory
    Stream<DynamicTest> hostileInputsEndCleanly() {
        includes();
        nesting();
        statements();
        engineValues();
        columns();
        encodings();
        jsonPaths();
        sizes();
        checkFiles();
        manifests();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private void includes() {
        check("include of /etc/shadow", p -> p.datasource("INCLUDE \"/etc/shadow\"\n"), 3,
                "datasources/x.datasource:1:9: include file `/etc/shadow` is outside the project folder");
        check("include escaping with ../", p -> p.datasource("INCLUDE \"../../../../../../etc/passwd\"\n"), 3,
                "datasources/x.datasource:1:9: include file", "is outside the project folder");
        check("include of /dev/zero", p -> p.datasource("INCLUDE \"/dev/zero\"\n"), 3,
                "datasources/x.datasource:1:9: include file `/dev/zero` is outside the project folder");
        check("include of a FIFO", p -> {
            Files.createDirectories(p.dir().resolve("includes"));
            new ProcessBuilder("mkfifo", p.dir().resolve("includes/fifo.incl").toString()).start().waitFor();
            p.datasource("INCLUDE \"../includes/fifo.incl\"\n");
        }, 3, "datasources/x.datasource:1:9: include file `includes/fifo.incl` is not a regular file");
        check("include of a folder", p -> {
            Files.createDirectories(p.dir().resolve("includes/folder.incl"));
            p.datasource("INCLUDE \"../includes/folder.incl\"\n");
        }, 3, "datasources/x.datasource:1:9: include file `includes/folder.incl` is a folder");
        check("include of a symbolic link to a file outside", p -> {
            Files.createDirectories(p.dir().resolve("includes"));
            Files.createSymbolicLink(p.dir().resolve("includes/passwd.incl"), Path.of("/etc/passwd"));
            p.datasource("INCLUDE \"../includes/passwd.incl\"\n");
        }, 3, "datasources/x.datasource:1:9: include file `includes/passwd.incl` is a symbolic link to /etc/passwd");
        check("include of a dangling symbolic link", p -> {
            Files.createDirectories(p.dir().resolve("includes"));
            Files.createSymbolicLink(p.dir().resolve("includes/gone.incl"), p.dir().resolve("includes/nothing"));
            p.datasource("INCLUDE \"../includes/gone.incl\"\n");
        }, 3, "datasources/x.datasource:1:9: include file not found: includes/gone.incl");
        check("a datafile that is a symbolic link to a file outside", p -> {
            Files.createDirectories(p.dir().resolve("datasources"));
            Files.createSymbolicLink(p.dir().resolve("datasources/x.datasource"), Path.of("/etc/passwd"));
        }, 3, "datasources/x.datasource:1:1: file `datasources/x.datasource` is a symbolic link to /etc/passwd");
        check("include cycle", p -> {
            p.file("includes/a.incl", "INCLUDE \"b.incl\"\n");
            p.file("includes/b.incl", "INCLUDE \"a.incl\"\n");
            p.datasource("INCLUDE \"../includes/a.incl\"\n");
        }, 3, "includes/b.incl:1:9: include cycle: datasources/x.datasource -> includes/a.incl -> includes/b.incl");
        check("a chain of 20 includes is not a cycle", p -> {
            for (int i = 0; i < 20; i++) {
                p.file("includes/c" + i + ".incl", i < 19 ? "INCLUDE \"c" + (i + 1) + ".incl\"\n" : OK_DATASOURCE);
            }
            p.datasource("INCLUDE \"../includes/c0.incl\"\n");
        }, 0, "ok: ClickHouse accepted all");
        check("a chain of 40 includes is too deep", p -> {
            for (int i = 0; i < 40; i++) {
                p.file("includes/c" + i + ".incl", i < 39 ? "INCLUDE \"c" + (i + 1) + ".incl\"\n" : OK_DATASOURCE);
            }
            p.datasource("INCLUDE \"../includes/c0.incl\"\n");
        }, 3, "includes/c31.incl:1:9: includes nest more than 32 levels deep");
        check("include bomb (each file includes the next 50 times)", p -> {
            p.file("includes/d3.incl", "# " + "x".repeat(1000) + "\n");
            for (int level = 2; level >= 0; level--) {
                p.file("includes/d" + level + ".incl", ("INCLUDE \"d" + (level + 1) + ".incl\"\n").repeat(50));
            }
            p.datasource("INCLUDE \"../includes/d0.incl\"\n" + OK_DATASOURCE);
        }, 3, ".incl:", "includes expand this datafile to more than");
        check("include of a file over 1 MiB", p -> {
            p.file("includes/big.incl", "# " + "x".repeat(2 << 20) + "\n");
            p.datasource("INCLUDE \"../includes/big.incl\"\n" + OK_DATASOURCE);
        }, 3, "datasources/x.datasource:1:9: include file `includes/big.incl` is", "at most 1048576 bytes");
        check("include with invalid UTF-8", p -> {
            byte[] bad = "SCHEMA >\n    `ok` String,\n    `x\u00ff` String\n".getBytes(StandardCharsets.ISO_8859_1);
            p.bytes("includes/bad.incl", bad);
            p.datasource("INCLUDE \"../includes/bad.incl\"\n");
        }, 3, "includes/bad.incl:3:7: invalid UTF-8: byte 0xFF");
    }

    private void nesting() {
        check("3,000 nested parentheses in a sorting key",
                p -> p.datasource(OK_DATASOURCE.replace("ENGINE_SORTING_KEY a", "ENGINE_SORTING_KEY "
                        + "(".repeat(3000) + "a" + ")".repeat(3000))), 3,
                "datasources/x.datasource:4:120: brackets nest more than 100 levels deep");
        check("3,000 nested parentheses in a node", p -> p.pipe("NODE n\nSQL >\n    SELECT " + "(".repeat(3000) + "1"
                        + ")".repeat(3000) + " AS a FROM ok\nTYPE materialized\nDATASOURCE tgt\n"), 3,
                "pipes/x.pipe:3:112: brackets nest more than 100 levels deep");
        check("20,000 nested Array types", p -> p.datasource("SCHEMA >\n    `a` " + "Array(".repeat(20000) + "String"
                + ")".repeat(20000) + "\nENGINE_SORTING_KEY tuple()\n"), 3,
                "datasources/x.datasource:2:", "brackets nest more than 100 levels deep");
        check("20,000 nested brackets in a DEFAULT", p -> p.datasource("SCHEMA >\n    `a` Array(UInt8) DEFAULT "
                + "[".repeat(20000) + "]".repeat(20000) + "\n"), 3,
                "datasources/x.datasource:2:", "brackets nest more than 100 levels deep");
        check("a 5,000-node pipe", p -> {
            StringBuilder pipe = new StringBuilder("NODE n0\nSQL >\n    SELECT a, ts FROM ok\n\n");
            for (int i = 1; i < 5000; i++) {
                pipe.append("NODE n").append(i).append("\nSQL >\n    SELECT a, ts FROM n").append(i - 1).append("\n\n");
            }
            p.pipe(pipe + "TYPE materialized\nDATASOURCE tgt\n");
        }, 3, "pipes/x.pipe:19997: x: Code: ", "refused");
        check("100 nested parentheses are fine", p -> p.datasource(OK_DATASOURCE.replace("ENGINE_SORTING_KEY a",
                "ENGINE_SORTING_KEY " + "(".repeat(100) + "a" + ")".repeat(100))), 0, "ok: ClickHouse accepted all");
        check("10,000 comment lines before a node's query", p -> p.pipe("NODE n\nSQL >\n"
                + "    -- a comment\n".repeat(10000) + "    SELECT a, ts FROM ok\nTYPE materialized\nDATASOURCE tgt\n"),
                0, "ok: ClickHouse accepted all");
    }

    private void statements() {
        check("a second statement after ; in a node", p -> p.pipe("NODE n\nSQL >\n    SELECT a, ts FROM ok; DROP TABLE ok"
                        + "\nTYPE materialized\nDATASOURCE tgt\n"), 3,
                "pipes/x.pipe:3:25: `;` ends the query and `DROP` starts another: a node holds one query");
        check("a second statement on the next line of a node", p -> p.pipe("NODE n\nSQL >\n    SELECT 1 AS a;\n"
                + "    INSERT INTO ok SELECT * FROM file('/etc/passwd')\n"), 3, "pipes/x.pipe:3:18: `;` ends the query");
        check("a final ; is fine", p -> p.pipe("NODE n\nSQL >\n    SELECT a, ts FROM ok;\n"
                + "TYPE materialized\nDATASOURCE tgt\n"), 0, "ok: ClickHouse accepted all");
        check("a node closing a parenthesis it never opened", p -> p.pipe("NODE n0\nSQL >\n    SELECT a, ts FROM ok\n\n"
                + "NODE n\nSQL >\n    SELECT a, ts FROM n0) SETTINGS max_threads = 1\nTYPE materialized\nDATASOURCE tgt\n"),
                3, "pipes/x.pipe:7:25: `)` in the query has no matching `(`");
        check("a node leaving a parenthesis open", p -> p.pipe("NODE n\nSQL >\n    SELECT (a, ts FROM ok\n"), 3,
                "pipes/x.pipe:3:12: `(` in the query is never closed");
        check("; in a node name line", p -> p.pipe("NODE n; DROP\nSQL >\n    SELECT 1\n"), 3,
                "pipes/x.pipe:1:6: node name");
    }

    private void engineValues() {
        check("ENGINE_SETTINGS with ; and a second statement", p -> p.datasource(OK_DATASOURCE
                        + "ENGINE_SETTINGS index_granularity=8192; DROP TABLE ok\n"), 3,
                "datasources/x.datasource:5:39: expected `,` or the end after setting `index_granularity`");
        check("ENGINE_SETTINGS turning the table into CREATE ... AS SELECT file()", p -> p.datasource(OK_DATASOURCE
                        + "ENGINE_SETTINGS \"index_granularity = 8192 AS SELECT * FROM file('/etc/hostname', "
                        + "'LineAsString')\"\n"), 3,
                "datasources/x.datasource:5:43: expected `,` or the end after setting `index_granularity` in "
                        + "ENGINE_SETTINGS, found `AS`");
        check("ENGINE_SETTINGS with a subquery value", p -> p.datasource(OK_DATASOURCE
                + "ENGINE_SETTINGS index_granularity = (SELECT 1)\n"), 3, "datasources/x.datasource:5:37: expected a value");
        check("ENGINE_SETTINGS without a value", p -> p.datasource(OK_DATASOURCE + "ENGINE_SETTINGS index_granularity\n"),
                3, "datasources/x.datasource:5:17: expected `=` after setting `index_granularity`");
        check("ENGINE_TTL with ; and a second statement", p -> p.datasource(OK_DATASOURCE
                + "ENGINE_TTL ts + INTERVAL 1 DAY; DROP TABLE ok\n"), 3, "datasources/x.datasource:5:31: `;` in ENGINE_TTL");
        check("ENGINE_TTL adding SETTINGS", p -> p.datasource(OK_DATASOURCE
                        + "ENGINE_TTL \"ts + INTERVAL 1 DAY SETTINGS max_suspicious_broken_parts = 1000\"\n"), 3,
                "datasources/x.datasource:5:33: `SETTINGS` in ENGINE_TTL: it would start another clause");
        check("ENGINE_TTL with a block comment", p -> p.datasource(OK_DATASOURCE
                + "ENGINE_TTL ts + INTERVAL 1 DAY /* x */\n"), 3, "datasources/x.datasource:5:32: a comment");
        check("ENGINE_TTL with DELETE WHERE is fine", p -> p.datasource(OK_DATASOURCE
                + "ENGINE_TTL ts + INTERVAL 1 DAY DELETE WHERE a = 'x'\n"), 0, "ok: ClickHouse accepted all");
        check("ENGINE_SORTING_KEY closing ORDER BY and commenting out the rest", p -> p.datasource(
                "SCHEMA >\n    `a` String\nENGINE_SORTING_KEY \"a) SETTINGS index_granularity = 1 --\"\n"), 3,
                "datasources/x.datasource:3:", "ENGINE_SORTING_KEY");
        check("ENGINE_SORTING_KEY closing a parenthesis", p -> p.datasource(
                "SCHEMA >\n    `a` String\nENGINE_SORTING_KEY a) ENGINE = Memory\n"), 3,
                "datasources/x.datasource:3:21: `)` in ENGINE_SORTING_KEY has no matching `(`");
        check("ENGINE_SORTING_KEY with a subquery", p -> p.datasource(
                "SCHEMA >\n    `a` String\nENGINE_SORTING_KEY (SELECT a FROM ok)\n"), 3,
                "datasources/x.datasource:3:21: `SELECT` in ENGINE_SORTING_KEY");
        check("ENGINE_SORTING_KEY with an unterminated string", p -> p.datasource(
                "SCHEMA >\n    `a` String\nENGINE_SORTING_KEY a, 'x\n"), 3,
                "datasources/x.datasource:3:23: unterminated string in ENGINE_SORTING_KEY");
        check("ENGINE_PARTITION_KEY adding AS SELECT", p -> p.datasource(OK_DATASOURCE
                + "ENGINE_PARTITION_KEY toYYYYMM(ts) AS SELECT 1\n"), 3,
                "datasources/x.datasource:5:35: `AS` in ENGINE_PARTITION_KEY");
        check("ENGINE_PRIMARY_KEY adding COMMENT", p -> p.datasource(OK_DATASOURCE
                + "ENGINE_PRIMARY_KEY a COMMENT 'owned'\n"), 3, "datasources/x.datasource:5:22: `COMMENT` in ENGINE_PRIMARY_KEY");
        check("ENGINE_VER that is not a column name, on an inline target", p -> p.pipe(RMT_TARGET
                        + "ENGINE_VER \"ts) SETTINGS index_granularity = 1 --\"\n"), 3,
                "pipes/x.pipe:8:12: ENGINE_VER takes a column name");
        check("ENGINE_SIGN that is not a column name", p -> p.datasource(OK_DATASOURCE.replace("`ts` DateTime",
                        "`ts` DateTime,\n    `s` Int8") + "ENGINE CollapsingMergeTree\nENGINE_SIGN s); DROP TABLE ok\n"),
                3, "datasources/x.datasource:7:13: ENGINE_SIGN takes a column name");
        check("ENGINE_SUMMING_COLUMNS with an expression", p -> p.datasource("SCHEMA >\n    `a` String,\n    `n` UInt64\n"
                        + "ENGINE SummingMergeTree\nENGINE_SORTING_KEY a\nENGINE_SUMMING_COLUMNS n) AS SELECT 1 --\n"),
                3, "datasources/x.datasource:6:24: ENGINE_SUMMING_COLUMNS takes a column name");
    }

    private void columns() {
        check("a DEFAULT with ; and a statement", p -> p.datasource("SCHEMA >\n    `a` String DEFAULT 'x'; DROP TABLE ok\n"),
                3, "datasources/x.datasource:2:", "`;` in the DEFAULT of column `a`");
        check("a DEFAULT ending in a comment", p -> p.datasource("SCHEMA >\n    `a` String DEFAULT 'x' -- rest\n"), 3,
                "datasources/x.datasource:2:", "a comment (`--");
        check("a CODEC with a statement", p -> p.datasource("SCHEMA >\n    `a` String CODEC(ZSTD(1); DROP TABLE ok)\n"),
                3, "datasources/x.datasource:2:", "`;` in the CODEC of column `a`");
        check("a type with a statement", p -> p.datasource("SCHEMA >\n    `a` Nullable(String; DROP TABLE ok)\n"), 3,
                "datasources/x.datasource:2:", "`;` in the type of column `a`");
        check("an index expression breaking out of the column list", p -> p.datasource(OK_DATASOURCE
                        + "INDEXES >\n    i a) ENGINE = Memory AS SELECT 1 -- TYPE minmax GRANULARITY 1\n"), 3,
                "datasources/x.datasource:6:", "the expression of index `i`");
        check("a NUL byte in a column name", p -> p.datasource("SCHEMA >\n    `a\u0000b` String\n"), 3,
                "datasources/x.datasource:2:5: column name `a\\x00b` is not an identifier");
        check("a right-to-left override in a column name", p -> p.datasource("SCHEMA >\n    `a\u202Eb` String\n"), 3,
                "datasources/x.datasource:2:5: column name `a\\u202Eb` is not an identifier");
        check("a NUL byte in a node name", p -> p.pipe("NODE n\u0000x\nSQL >\n    SELECT 1\n"), 3,
                "pipes/x.pipe:1:6: node name `n\\x00x` is not a valid identifier");
        check("a type that never closes", p -> p.datasource("SCHEMA >\n    `a` Array(String\n"), 3,
                "datasources/x.datasource:2:14: unbalanced parentheses in the type of column `a`");
    }

    private void encodings() {
        check("invalid UTF-8 in a datafile", p -> p.bytes("datasources/x.datasource",
                        "SCHEMA >\n    `a\u00ff` String\n".getBytes(StandardCharsets.ISO_8859_1)), 3,
                "datasources/x.datasource:2:7: invalid UTF-8: byte 0xFF");
        check("a lone UTF-8 continuation byte", p -> p.bytes("datasources/x.datasource",
                new byte[]{'S', 'C', 'H', 'E', 'M', 'A', ' ', '>', '\n', ' ', ' ', ' ', ' ', (byte) 0x80}), 3,
                "datasources/x.datasource:2:5: invalid UTF-8: byte 0x80");
        check("a truncated UTF-8 sequence at the end", p -> p.bytes("datasources/x.datasource",
                new byte[]{'S', 'C', 'H', 'E', 'M', 'A', ' ', '>', '\n', (byte) 0xE2, (byte) 0x82}), 3,
                "datasources/x.datasource:2:1: invalid UTF-8");
        check("only a byte order mark", p -> p.bytes("datasources/x.datasource", new byte[]{(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF}), 3, "datasources/x.datasource:1:1: empty datasource file");
    }

    private void jsonPaths() {
        for (String path : List.of("$.a[", "$..a", "$.*", "$.a]", "$[", "$.a['b", "$.items[x]")) {
            check("JSONPath " + path, p -> p.datasource("SCHEMA >\n    `a` String `json:" + path + "`\n"
                    + "ENGINE_SORTING_KEY a\n"), 3, "datasources/x.datasource:2:22: invalid JSONPath of column `a`");
        }
    }

    private void sizes() {
        check("a 5 MB DESCRIPTION", p -> p.datasource("DESCRIPTION " + "x".repeat(5_000_000) + "\n" + OK_DATASOURCE), 3,
                "datasources/x.datasource:1:1: file `datasources/x.datasource` is 50000", "bytes; a datafile or include is at most 1048576");
        check("a 300 KB DESCRIPTION is cut, with a warning", p -> p.datasource("DESCRIPTION " + "x".repeat(300_000)
                        + "\n" + OK_DATASOURCE), 0,
                "datasources/x.datasource:1: warning: DESCRIPTION of data source x is 300000 characters",
                "ok: ClickHouse accepted all");
        check("a 2 MB single-line sorting key", p -> p.datasource(OK_DATASOURCE.replace("ENGINE_SORTING_KEY a",
                "ENGINE_SORTING_KEY a" + ", a".repeat(700_000))), 3, "datasources/x.datasource:1:1: file", "bytes");
    }

    private void checkFiles() {
        String check = "checks:\n  - name: c\n    mv: SELECT 1\n    raw: SELECT 1\n";
        StringBuilder laughs = new StringBuilder("checks:\n  - name: c\n    mv: SELECT 1\n    raw: SELECT 1\n"
                + "    keys: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("  - name: c").append(i).append("\n    mv: SELECT 1\n    raw: SELECT 1\n    keys: &a")
                    .append(i).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1))))
                    .append("]\n");
        }
        verify("check file: billion laughs", laughs.toString(), "checks.yaml:9:16:", "YAML aliases (*a0) are not supported");
        verify("check file: an alias", check + "    keys: &k [a]\n  - name: d\n    mv: SELECT 1\n    raw: SELECT 1\n"
                + "    keys: *k\n", "checks.yaml:9:11: YAML aliases (*k) are not supported");
        verify("check file: 5,000 nested flow lists", "checks: " + "[".repeat(5000) + "]".repeat(5000) + "\n",
                "checks.yaml:1:", "nesting depth");
        verify("check file: 5,000 nested maps", "checks: " + "{k: ".repeat(5000) + "1" + "}".repeat(5000) + "\n",
                "checks.yaml:1:", "nesting depth");
        verify("check file: a 100,000-digit tolerance", check + "    tolerance: 1" + "0".repeat(100_000) + "\n",
                "checks.yaml:5:16: 'tolerance'");
        verify("check file: an infinite tolerance", check + "    tolerance: 1e999999999\n",
                "checks.yaml:5:16: 'tolerance' must be a number, not '1e999999999'");
        verify("check file: a negative tolerance", check + "    tolerance: -1\n", "checks.yaml:5:16: a tolerance cannot be negative");
        verify("check file: checks is a number", "checks: 5\n", "checks.yaml:1:9: 'checks' must be a list");
        verify("check file: a name that is a list", "checks:\n  - name: [1, 2]\n    mv: SELECT 1\n    raw: SELECT 1\n",
                "checks.yaml:2:11: 'name' must be a text, not a list");
        verify("check file: a tab for indentation", "checks:\n\t- name: c\n", "checks.yaml:2:1: YAML syntax");
        verify("check file: a duplicate key", check + "    mv: SELECT 2\n", "checks.yaml:5:5: duplicate key 'mv'");
        verify("check file: empty", "", "checks.yaml:1:1: the file is empty");
        verifyBytes("check file: invalid UTF-8", "checks:\n  - name: c\u00ff\n".getBytes(StandardCharsets.ISO_8859_1),
                "checks.yaml:2:12: invalid UTF-8");
        verify("check file: a NUL byte", "checks:\n  - name: a\u0000b\n", "checks.yaml:", "special characters");
        verify("check file: over 1 MiB", check + "    description: " + "x".repeat(2 << 20) + "\n",
                "checks.yaml: ", "a YAML file of mvlab is at most 1048576 bytes");
        cases.add(new Case("check file: a FIFO", Command.VERIFY, p -> {
            Files.createDirectories(p.dir());
            new ProcessBuilder("mkfifo", p.dir().resolve("checks.yaml").toString()).start().waitFor();
        }, 3, List.of("checks.yaml: not a regular file")));
    }

    private void manifests() {
        String head = "title: T\nsummary: S\n";
        StringBuilder laughs = new StringBuilder(head + "steps:\n  - note: &a0 [lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("  - note: &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(7, "*a" + (i - 1)))).append("]\n");
        }
        lesson("manifest: billion laughs", laughs.toString(), "lesson.yaml:", "YAML aliases (*a0) are not supported");
        lesson("manifest: steps is a text", head + "steps: all of them\n", "lessons/01-hostile/lesson.yaml:3:8:");
        lesson("manifest: a step that is a number", head + "steps:\n  - 42\n", "lessons/01-hostile/lesson.yaml:4:5:");
        lesson("manifest: 5,000 nested lists", head + "steps: " + "[".repeat(5000) + "]".repeat(5000) + "\n",
                "lessons/01-hostile/lesson.yaml:1:1:", "nesting depth");
        lesson("manifest: generate with a count beyond a whole number", head + "steps:\n  - note: hi\n"
                + "  - generate: {events: 1e999}\n", "lessons/01-hostile/lesson.yaml:5:24: 'events' must be a whole number");
        lesson("manifest: a 100,000-digit count", head + "steps:\n  - note: hi\n  - generate: {events: 1"
                + "0".repeat(100_000) + "}\n", "lessons/01-hostile/lesson.yaml:5:");
        lesson("manifest: title is a map", "title: {a: 1}\nsummary: S\nsteps:\n  - note: hi\n",
                "lessons/01-hostile/lesson.yaml:1:8: 'title' must be a text");
        cases.add(new Case("manifest: invalid UTF-8", Command.LESSON, p -> p.bytes("lessons/01-hostile/lesson.yaml",
                (head + "steps:\n  - note: caf\u00ff\n").getBytes(StandardCharsets.ISO_8859_1)), 3,
                List.of("lessons/01-hostile/lesson.yaml:4:14: invalid UTF-8")));
        cases.add(new Case("manifest: a README linked to /etc/passwd", Command.LESSON, p -> {
            p.file("lessons/01-hostile/lesson.yaml", head + "steps:\n  - note: hi\n");
            Files.createSymbolicLink(p.dir().resolve("lessons/01-hostile/README.md"), Path.of("/etc/passwd"));
        }, 3, List.of("lessons/01-hostile/README.md: a lesson's README is a file of the lesson folder")));
        cases.add(new Case("manifest: lesson.yaml linked to /etc/passwd", Command.LESSON, p -> {
            Files.createDirectories(p.dir().resolve("lessons/01-hostile"));
            Files.createSymbolicLink(p.dir().resolve("lessons/01-hostile/lesson.yaml"), Path.of("/etc/passwd"));
        }, 3, List.of("lessons/01-hostile/lesson.yaml: a symbolic link to /etc/passwd")));
        lesson("manifest: a tab for indentation", head + "steps:\n\t- note: hi\n", "lessons/01-hostile/lesson.yaml:4:1:");
    }

    private static void run(Case c) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Path dir = Files.createDirectories(root.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "_")));
            Project project = new Project(dir);
            if (c.command() == Command.CHECK) {
                project.file("datasources/ok.datasource", OK_DATASOURCE);
                project.file("datasources/tgt.datasource", OK_DATASOURCE);
            }
            c.setup().write(project);
            String[] args = switch (c.command()) {
                case CHECK -> new String[]{"check", "--project", dir.toString(), "--engine", "url", "--url",
                        engine.httpUrl()};
                case VERIFY -> new String[]{"verify", dir.resolve("checks.yaml").toString(), "--project",
                        dir.toString(), "--engine", "url", "--url", engine.httpUrl()};
                case LESSON -> new String[]{"lesson", "show", "1", "--project", dir.toString()};
            };
            MvlabRun run = MvlabRun.mvlab(args);
            String output = (run.out() + "\n" + run.err()).replace(dir + "/", "");
            assertThat(run.code()).as(output).isEqualTo(c.code());
            for (String expected : c.expected()) {
                assertThat(output).contains(expected);
            }
            assertThat(output).doesNotContain("\tat ", "Exception in thread", "java.lang.", "internal error",
                    "root:x:0:0");
        });
    }
}
