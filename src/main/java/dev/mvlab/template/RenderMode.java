package dev.mvlab.template;

/** The two ways a template renders. */
public enum RenderMode {
    /**
     * No request: what {@code check}, {@code apply} and materialized views see. {@code defined(x)} is false, type
     * functions give their defaults, a parameter without default gives a placeholder of its type ({@code ''},
     * {@code 0}, {@code '2019-01-01'}, ...) so the SQL stays valid, and {@code error()}/{@code custom_error()}
     * write nothing (Tinybird validates pipes that raise them on a missing parameter).
     */
    DEFAULTS,
    /** An endpoint call: the request's values; missing or invalid values are errors (HTTP 400). */
    CALL
}
