package dev.mvlab.cli;

import dev.mvlab.engine.Endpoint;
import dev.mvlab.testing.ClickHouseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's command sequences run as printed: every {@code ```sh} block, unless the line before its fence is
 * {@code <!-- readme-test: long -->}, runs in bash against the test engine in a scratch database, with
 * {@code ./mvlab} and {@code mvlab} being the built classes.
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

    @Test
    void everyShellBlockOfTheReadmeRunsAsPrinted(Endpoint endpoint) throws Exception {
        List<Block> blocks = runnableBlocks(Files.readString(REPO.resolve("README.md")));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        String database = "readme_" + UUID.randomUUID().toString().substring(0, 8);
        for (Block block : blocks) {
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
            assertThat(process.waitFor()).as("README.md:" + block.line() + "\n" + block.script() + "\n" + output)
                    .isZero();
        }
    }
}
