package dev.mvlab.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void secretsRenderAsQueryParametersNeverAsTheirValues() {
        Template t = Templates.parse("%SELECT {{ tb_secret('token') }}, {{ tb_var('n', 'dflt') }}, "
                + "{{ tb_secret('set', 'dflt') }}", null);
        Secrets secrets = Secrets.of(Map.of("token", "a'b", "set", "value"));
        // as Tinybird: a secret that is set is the placeholder, one that is not set gives its default
        assertThat(t.renderDefaults(secrets)).isEqualTo("SELECT {token: String}, 'dflt', {set: String}");
        assertThat(t.render(ParameterValues.none(), secrets)).isEqualTo("SELECT {token: String}, 'dflt', {set: String}");
    }

    @Test
    void aMissingSecretFailsAnEndpointCallButNotARenderingWithoutRequest() {
        Template t = Templates.parse("%SELECT {{ tb_var('unset') }}", null);
        // Tinybird's test mode: check, apply and copy pipes render the placeholder, the statement that runs it fails
        assertThat(t.renderDefaults(Secrets.none())).isEqualTo("SELECT {unset: String}");
        assertThatThrownBy(() -> t.render(ParameterValues.none(), Secrets.none()))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> assertThat(((TemplateException) e).kind()).isEqualTo(TemplateException.Kind.SECRET))
                .hasMessageContaining("Cannot access secret 'unset'");
    }

    @Test
    void aSecretNameThatCannotBeAQueryParameterIsADatafileError() {
        Template t = Templates.parse("%SELECT {{ tb_secret('my-key') }}", null);
        assertThatThrownBy(() -> t.renderDefaults(Secrets.none())).isInstanceOf(TemplateException.class)
                .hasMessageContaining("secret name 'my-key' cannot be a ClickHouse query parameter");
    }
}
