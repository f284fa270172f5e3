package dev.mvlab.engine.host;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's rules: chDB writes only inside its own engine folder, wherever that folder lies (even under /tmp). */
class FileSandboxTest {
    @Test
    void anEngineFolderUnderTmpOpensNothingElseOfTmp() {
        Path engine = Path.of("/tmp/some-home/engine");
        FileSandbox.Rules rules = FileSandbox.rules(engine.resolve("data"), engine.resolve("private"),
                Path.of("/opt/lib/libchdb.so"));
        assertThat(rules.writable()).allSatisfy(path -> assertThat(path.startsWith(engine)
                || path.equals(Path.of("/dev/null"))).as(path.toString()).isTrue());
        assertThat(rules.writable()).doesNotContain(Path.of("/tmp"), Path.of("/dev/shm"));
        assertThat(rules.readable()).doesNotContain(Path.of("/tmp"), Path.of("/dev"), Path.of("/dev/shm"), Path.of("/home"));
    }
}
