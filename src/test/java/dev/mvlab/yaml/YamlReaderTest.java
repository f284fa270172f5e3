package dev.mvlab.yaml;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlReaderTest {
    private static final Path FILE = Path.of("checks/a.yaml");

    @Test
    void nodesKeepTheirFileLineAndKind() {
        YamlNode root = YamlReader.parse(FILE, """
                name: revenue
                keys: [a, b]
                tolerance: 0.5
                runs: 7
                strict: true
                none:
                sql: |
                  SELECT 1
                """);
        YamlMap map = (YamlMap) root;
        assertThat(map.keys()).containsExactly("name", "keys", "tolerance", "runs", "strict", "none", "sql");
        assertThat(map.keyLocation("keys").line()).isEqualTo(2);
        assertThat(map.keyLocation("keys").file()).isEqualTo(FILE);
        assertThat(map.texts("keys")).containsExactly("a", "b");
        YamlScalar tolerance = (YamlScalar) map.get("tolerance").orElseThrow();
        assertThat(tolerance.kind()).isEqualTo(YamlScalar.Kind.FLOAT);
        assertThat(((YamlScalar) map.get("runs").orElseThrow()).kind()).isEqualTo(YamlScalar.Kind.INTEGER);
        assertThat(map.optionalBoolean("strict")).contains(true);
        assertThat(((YamlScalar) map.get("none").orElseThrow()).isNull()).isTrue();
        YamlScalar sql = (YamlScalar) map.get("sql").orElseThrow();
        assertThat(sql.block()).isTrue();
        assertThat(sql.text()).isEqualTo("SELECT 1\n");
        assertThat(sql.location().line()).isEqualTo(7);
    }

    @Test
    void aDuplicateKeyNamesBothLines() {
        assertThatThrownBy(() -> YamlReader.parse(FILE, "a: 1\nb: 2\na: 3\n")).isInstanceOf(MvlabException.class)
                .hasMessageStartingWith("checks/a.yaml:3:1: duplicate key 'a' (first at line 1)")
                .extracting(e -> ((MvlabException) e).exitCode()).isEqualTo(ExitCode.DATAFILE);
    }

    @Test
    void aliasesSyntaxErrorsAndEmptyFilesAreRefusedAtTheirLine() {
        assertThatThrownBy(() -> YamlReader.parse(FILE, "a: &x [1, 2]\nb: *x\n"))
                .hasMessageStartingWith("checks/a.yaml:2:").hasMessageContaining("YAML aliases (*x) are not supported");
        assertThatThrownBy(() -> YamlReader.parse(FILE, "a: [1, 2\nb: 3\n"))
                .hasMessageStartingWith("checks/a.yaml:").hasMessageContaining("YAML syntax:");
        assertThatThrownBy(() -> YamlReader.parse(FILE, "")).hasMessageStartingWith("checks/a.yaml:1:1: the file is "
                + "empty");
    }

    @Test
    void readRefusesWhatIsNotASmallRegularUtf8File(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> YamlReader.read(dir)).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> YamlReader.read(dir.resolve("none.yaml"))).hasMessageEndingWith("no such file");
        Path big = Files.write(dir.resolve("big.yaml"), new byte[YamlReader.MAX_BYTES + 1]);
        assertThatThrownBy(() -> YamlReader.read(big)).hasMessageContaining("at most " + YamlReader.MAX_BYTES);
        Path latin = Files.write(dir.resolve("latin.yaml"), new byte[]{'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> YamlReader.read(latin)).hasMessageContaining(":1:4: invalid UTF-8");
        Path ok = Files.writeString(dir.resolve("ok.yaml"), "a: 1\n");
        assertThat(((YamlMap) YamlReader.read(ok)).optionalLong("a")).contains(1L);
    }
}
