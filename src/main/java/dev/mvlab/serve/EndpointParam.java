package dev.mvlab.serve;

/** A parameter an endpoint's template declares: its type, default, description and whether it must be given. */
public record EndpointParam(String name, String type, String defaultValue, String description, boolean required) {
}
