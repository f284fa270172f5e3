package dev.mvlab.template;

import dev.mvlab.model.SourceLocation;

/**
 * A parameter a template declares, as its first use with a type function shows it
 * ({@code {{ Int32(limit, 10, description="rows", required=False) }}}), or a bare name ({@code defined(x)},
 * {@code {{ x }}}) typed {@code String}.
 *
 * @param type         {@code String}, {@code Int32}, {@code Date}, {@code Array(Int32)}, {@code column}, ...
 * @param defaultValue the default as text (a string default without quotes), or null when there is none
 * @param description  the {@code description=} argument, or null
 * @param example      the {@code example=} argument, or null
 * @param required     the {@code required=} argument
 * @param location     where it is first declared
 */
public record TemplateParameter(String name, String type, String defaultValue, String description, String example,
                                boolean required, SourceLocation location) {
}
