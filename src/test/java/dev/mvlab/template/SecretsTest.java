package dev.mvlab.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void theEnvironmentWinsOverTheProjectFile(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve(".mvlab"));
        Files.writeString(project.resolve(Secrets.FILE), "# secrets\nkey=from file\nother=x\\u00e9\n");
        Map<String, String> env = Map.of("TB_SECRET_key", "from env");
        Secrets secrets = Secrets.layered(env::get, project.resolve(Secrets.FILE));
        assertThat(secrets.lookup("key")).contains("from env");
        assertThat(secrets.lookup("other")).contains("xé");
        assertThat(secrets.lookup("missing")).isEmpty();
    }

    @Test
    void aProjectWithoutSecretsFileHasOnlyTheEnvironment(@TempDir Path project) {
        assertThat(Secrets.layered(name -> null, project.resolve(Secrets.FILE)).lookup("key")).isEqualTo(Optional.empty());
        assertThat(Secrets.forProject(project).lookup("surely_not_set_" + System.nanoTime())).isEmpty();
    }

    @Test
    void templatesReadSecretsAsStringLiteralsNeverFromTheDatafile() {
        Template t = Templates.parse("%SELECT {{ tb_secret('token') }}, {{ tb_var('n', 'dflt') }}", null);
        assertThat(t.renderDefaults(Secrets.of(Map.of("token", "a'b")))).isEqualTo("SELECT 'a\\'b', 'dflt'");
    }
}
