package dev.mvlab.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where {@code tb_secret('NAME')} and {@code tb_var('NAME')} find their values: never in the datafiles. For a
 * project, the environment variable {@code TB_SECRET_NAME} wins, then the line {@code NAME=value} of the git-ignored
 * file {@code .mvlab/secrets.properties} under the project folder. Templates only ask whether a secret is set (they
 * render the placeholder {@code {NAME: String}}); the value is read when a statement that needs it runs.
 */
@FunctionalInterface
public interface Secrets {
    /** The file under a project folder that holds secrets; keep it out of git. */
    String FILE = ".mvlab/secrets.properties";
    /** The prefix of the environment variables that hold secrets. */
    String ENV_PREFIX = "TB_SECRET_";

    Optional<String> lookup(String name);

    static Secrets none() {
        return name -> Optional.empty();
    }

    static Secrets of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name));
    }

    /** The environment, then {@code .mvlab/secrets.properties} under {@code projectRoot} (read once, now). */
    static Secrets forProject(Path projectRoot) {
        return layered(System::getenv, projectRoot == null ? null : projectRoot.resolve(FILE));
    }

    static Secrets layered(Function<String, String> environment, Path file) {
        Properties properties = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new dev.mvlab.errors.MvlabException(dev.mvlab.errors.ExitCode.DATAFILE,
                        "cannot read the secrets file " + file + ": " + e.getMessage());
            }
        }
        return name -> {
            String env = environment.apply(ENV_PREFIX + name);
            return Optional.ofNullable(env != null ? env : properties.getProperty(name));
        };
    }
}
