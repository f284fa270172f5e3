package dev.mvlab.template;

import dev.mvlab.model.SourceLocation;

import java.util.List;
import java.util.Set;

/**
 * A node's SQL, parsed once: immutable and thread-safe, render it as often as needed. SQL that does not start with a
 * {@code %} line is not a template and renders as written. The output keeps the source's line breaks (a part that
 * renders shorter is padded with line breaks), so line N of the output is line N of the SQL in the datafile.
 */
public final class Template {
    private final String source;
    private final boolean templated;
    private final String prefix;
    private final List<TemplateNode> nodes;
    private final Set<String> parameterNames;
    private final List<TemplateParameter> parameters;
    private final List<String> withoutDefault;
    private final Errors errors;

    private Template(String source, SourceLocation origin) {
        this.source = source;
        this.errors = new Errors(source, origin);
        this.templated = Templates.isTemplate(source);
        if (!templated) {
            this.prefix = source;
            this.nodes = List.of();
            this.parameterNames = Set.of();
            this.parameters = List.of();
            this.withoutDefault = List.of();
            return;
        }
        int percent = source.indexOf('%');
        this.prefix = source.substring(0, percent);
        this.nodes = TemplateParser.parse(source, percent + 1, errors);
        TemplateAnalysis.Result analysis = TemplateAnalysis.of(nodes, errors);
        this.parameterNames = analysis.parameterNames();
        this.parameters = analysis.parameters();
        this.withoutDefault = analysis.withoutDefault();
    }

    static Template parse(String source, SourceLocation origin) {
        return new Template(source, origin);
    }

    /** The SQL as written in the datafile, {@code %} line included. */
    public String source() {
        return source;
    }

    /** Whether the SQL starts with a {@code %} line (otherwise it renders unchanged). */
    public boolean isTemplated() {
        return templated;
    }

    /** The parameters the template declares, in order of first appearance. */
    public List<TemplateParameter> parameters() {
        return parameters;
    }

    /** The SQL for an endpoint call with these request values. */
    public String render(ParameterValues values, Secrets secrets) {
        return render(RenderMode.CALL, values, secrets);
    }

    /** The SQL without a request: defaults and placeholders ({@link RenderMode#DEFAULTS}). */
    public String renderDefaults(Secrets secrets) {
        return render(RenderMode.DEFAULTS, ParameterValues.none(), secrets);
    }

    /**
     * The SQL in a mode. The {@code %} is dropped, everything else is kept or rendered.
     *
     * @throws TemplateException at the file:line:col of the failing part
     */
    public String render(RenderMode mode, ParameterValues values, Secrets secrets) {
        if (!templated) {
            return source;
        }
        RenderState state = new RenderState(mode, values, secrets, errors, parameterNames, withoutDefault);
        return prefix + new Evaluator(state).render(nodes);
    }
}
