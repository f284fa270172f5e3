package dev.mvlab.render;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.template.Secrets;

import java.util.List;

/**
 * A statement needs secrets ({@code tb_secret()}/{@code tb_var()}) that are not set: that statement does not run,
 * everything else does. Exit code 3 (a validation error).
 */
public final class MissingSecretException extends MvlabException {
    private final List<String> names;

    MissingSecretException(List<String> names, String who) {
        super(ExitCode.DATAFILE, (names.size() == 1 ? "secret `" + names.get(0) + "` is" : "secrets "
                + String.join(", ", names.stream().map(n -> "`" + n + "`").toList()) + " are") + " not set; "
                + who + " needs " + (names.size() == 1 ? "it" : "them"), hint(names));
        this.names = List.copyOf(names);
    }

    /** The secrets that are not set. */
    public List<String> names() {
        return names;
    }

    private static String hint(List<String> names) {
        String name = names.get(0);
        return "set the environment variable " + Secrets.ENV_PREFIX + name + " or add the line `" + name + "=...` to "
                + Secrets.FILE + " in the project folder (keep that file out of git)";
    }
}
