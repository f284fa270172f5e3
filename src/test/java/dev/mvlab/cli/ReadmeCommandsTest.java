package dev.mvlab.cli;

import dev.mvlab.clickhouse.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command sequences of README.md and of every {@code docs/*.md} run as printed: every {@code ```sh} block, unless
 * the line before its fence is {@code <!-- readme-test: long -->}, runs in bash against the test engine in a scratch
 * database, with {@code ./mvlab} and {@code mvlab} being the built classes. Links between the documents lead to a file
 * and a heading that exist.
 */
@ExtendWith(ClickHouseExtension.class)
class ReadmeCommandsTest {
    static final Path REPO = Path.of(System.getProperty("mvlab.project.dir", ".")).toAbsolutePath();
    static final String LONG = "<!-- readme-test: long -->";
    private static final Pattern BLOCK = Pattern.compile("(?m)^([^\\n]*)\\n```sh\\n(.*?)^```$", Pattern.DOTALL);

    record Block(int line, String script) {
    }

    static List<Block> runnableBlocks(String readme) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(readme);
        while (matcher.find()) {
            if (!matcher.group(1).strip().equals(LONG)) {
                int line = (int) readme.substring(0, matcher.start(2)).chars().filter(c -> c == '\n').count() + 1;
                blocks.add(new Block(line, matcher.group(2)));
            }
        }
        return blocks;
    }

    @Test
    void theLongMarkerSkipsABlock() {
        String readme = "text\n```sh\n./mvlab sql \"SELECT 1\"\n```\n" + LONG + "\n```sh\nmake lesson-1\n```\n";
        assertThat(runnableBlocks(readme)).extracting(Block::script).containsExactly("./mvlab sql \"SELECT 1\"\n");
    }

    /** README.md, then the guides of docs/ in name order. */
    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(REPO.resolve("README.md")));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    void theGuidesAreInDocs() throws IOException {
        assertThat(documents()).extracting(p -> REPO.relativize(p).toString()).contains("README.md",
                "docs/ARCHITECTURE.md", "docs/engine-and-security.md", "docs/datafiles-and-tinybird.md",
                "docs/templates.md", "docs/generator.md", "docs/serve.md", "docs/lessons.md", "docs/benchmarks.md",
                "docs/contributing.md");
        assertThat(Files.readAllLines(REPO.resolve("README.md"))).hasSizeLessThanOrEqualTo(350);
    }

    @Test
    void everyShellBlockOfTheDocumentsRunsAsPrinted(Endpoint endpoint) throws Exception {
        String database = "readme_" + UUID.randomUUID().toString().substring(0, 8);
        List<Path> ran = new ArrayList<>();
        for (Path document : documents()) {
            for (Block block : runnableBlocks(Files.readString(document))) {
                run(endpoint, database, REPO.relativize(document), block);
                ran.add(REPO.relativize(document));
            }
        }
        assertThat(ran).contains(Path.of("README.md"), Path.of("docs/engine-and-security.md"));
    }

    private static void run(Endpoint endpoint, String database, Path document, Block block) throws Exception {
        String script = "set -euo pipefail\n"
                + "mvlab() { java -cp \"$MVLAB_TEST_CLASSPATH\" " + Main.class.getName() + " \"$@\"; }\n"
                + block.script().replace("./mvlab ", "mvlab ");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(REPO.toFile())
                .redirectErrorStream(true);
        builder.environment().put("MVLAB_TEST_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("MVLAB_ENGINE", "url");
        builder.environment().put("MVLAB_URL", endpoint.httpUrl());
        builder.environment().put("MVLAB_DATABASE", database);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(document + ":" + block.line() + "\n" + block.script() + "\n" + output)
                .isZero();
    }

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** A heading's anchor as GitHub makes it: lower case, punctuation but {@code -} and {@code _} dropped, spaces as -. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    static List<String> anchors(String markdown) {
        List<String> anchors = new ArrayList<>();
        boolean code = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                code = !code;
            } else if (!code && line.startsWith("#")) {
                anchors.add(anchor(line.replaceFirst("^#+", "")));
            }
        }
        return anchors;
    }

    @Test
    void anAnchorIsTheHeadingAsGitHubWritesIt() {
        assertThat(anchor(" Lesson pages and reports: `--html`, `make report`, `mvlab report`"))
                .isEqualTo("lesson-pages-and-reports---html-make-report-mvlab-report");
    }

    @Test
    void everyLinkBetweenTheDocumentsLeadsToAFileAndAHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : documents()) {
            Matcher matcher = LINK.matcher(Files.readString(document));
            while (matcher.find()) {
                String target = matcher.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                links++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path linked = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(REPO.relativize(document) + ": " + target + " (no such file)");
                } else if (target.contains("#") && !anchors(Files.readString(linked))
                        .contains(target.substring(target.indexOf('#') + 1))) {
                    broken.add(REPO.relativize(document) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(links).isGreaterThanOrEqualTo(10);
    }
}
