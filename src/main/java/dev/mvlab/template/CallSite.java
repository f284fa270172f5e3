package dev.mvlab.template;

import java.util.List;
import java.util.Map;

/**
 * One call of a template function, its arguments evaluated. {@code parameter} is the name written as the first
 * argument ({@code Int32(limit, 10)} gives {@code limit}), {@code requestValues} all request values of it (null when
 * none), for Array() and the error messages.
 */
record CallSite(String function, List<Object> args, Map<String, Object> keywords, String parameter,
                List<String> requestValues, int pos, RenderState state) {

    Object arg(int index) {
        return index < args.size() ? args.get(index) : null;
    }

    boolean has(int index, String keyword) {
        return index < args.size() || keywords.containsKey(keyword);
    }

    /** A positional argument, or the keyword argument of that name. */
    Object arg(int index, String keyword) {
        return index < args.size() ? args.get(index) : keywords.get(keyword);
    }

    boolean flag(String keyword, boolean otherwise) {
        return keywords.containsKey(keyword) ? PyValues.truthy(keywords.get(keyword)) : otherwise;
    }

    String parameterOrUnknown() {
        return parameter == null ? "?" : parameter;
    }

    Errors errors() {
        return state.errors;
    }

    boolean defaultsMode() {
        return state.mode == RenderMode.DEFAULTS;
    }
}
