package dev.mvlab.render;

import dev.mvlab.clickhouse.QueryParameters;
import dev.mvlab.sql.ParameterPlaceholders;
import dev.mvlab.template.Secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the secrets a rendered statement needs. {@code tb_secret('aws_key')} renders as the query parameter
 * {@code {aws_key: String}} (see {@link dev.mvlab.template}); the value is looked up here, only for a statement that
 * runs, and travels beside the SQL ({@link QueryParameters}), so it never appears in rendered SQL, plans, view
 * definitions or logs.
 */
public final class SecretParameters {
    private final Secrets secrets;

    public SecretParameters(Secrets secrets) {
        this.secrets = secrets;
    }

    /** Secrets from the environment ({@code TB_SECRET_<NAME>}) and the project's {@code .mvlab/secrets.properties}. */
    public static SecretParameters forProject(java.nio.file.Path root) {
        return new SecretParameters(Secrets.forProject(root));
    }

    /** The values for a statement's placeholders. */
    public QueryParameters of(Statement statement) {
        return of(statement.sql(), statement.what() + " (" + statement.source() + ")");
    }

    /**
     * The values for the placeholders of {@code sql}.
     *
     * @param who what runs it, for the error, e.g. "the copy of pipe x (pipes/x.pipe:3)"
     * @throws MissingSecretException naming every secret that is not set
     */
    public QueryParameters of(String sql, String who) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : ParameterPlaceholders.names(sql)) {
            Optional<String> value = secrets.lookup(name);
            if (value.isPresent()) {
                values.put(name, value.get());
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingSecretException(missing, who);
        }
        return QueryParameters.of(values);
    }
}
