package dev.mvlab.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state of one rendering: the request's values, the names the template sets, a budget of steps. */
final class RenderState {
    static final int MAX_STEPS = 2_000_000;
    static final int MAX_OUTPUT = 16 * 1024 * 1024;

    final RenderMode mode;
    final ParameterValues values;
    final Secrets secrets;
    final Errors errors;
    private final Set<String> parameterNames;
    /** The names Tinybird's required-parameter error lists (see {@link TemplateAnalysis.Result#withoutDefault}). */
    final List<String> withoutDefault;
    private final Map<String, Object> locals = new HashMap<>();
    private int steps;

    RenderState(RenderMode mode, ParameterValues values, Secrets secrets, Errors errors, Set<String> parameterNames,
                List<String> withoutDefault) {
        this.withoutDefault = withoutDefault;
        this.mode = mode;
        this.values = values;
        this.secrets = secrets;
        this.errors = errors;
        this.parameterNames = parameterNames;
    }

    void step(int pos) {
        if (++steps > MAX_STEPS) {
            throw errors.evaluation(pos, "the template takes more than " + MAX_STEPS + " steps to render",
                    "look for loops over large values");
        }
    }

    void set(String name, Object value) {
        locals.put(name, value);
    }

    boolean isLocal(String name) {
        return locals.containsKey(name);
    }

    /**
     * A name's value: a name the template set, else the request's (last) value, else None for a parameter the
     * template declares; a name only a {@code {% set %}} uses and nobody passed is Python's NameError.
     */
    Object lookup(String name, int pos) {
        if (locals.containsKey(name)) {
            return locals.get(name);
        }
        if (values.has(name)) {
            return values.last(name);
        }
        if (parameterNames.contains(name)) {
            return null;
        }
        throw errors.evaluation(pos, "name '" + name + "' is not defined",
                "pass `" + name + "` as a parameter, or use it in a {{ }} or {% if %} so it is a declared parameter");
    }

    /** All request values of a parameter the template did not set itself, or null. */
    List<String> requestValues(String name) {
        return locals.containsKey(name) || !values.has(name) ? null : values.all(name);
    }
}
