package dev.mvlab.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a copy pipe writes its target: {@code COPY_MODE append} (the default) or {@code replace} (TRUNCATE first). */
public enum CopyMode {
    APPEND, REPLACE;

    /** As a datafile writes it: {@code append}, {@code replace}. */
    public String written() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode written {@code text}, in any case. */
    public static Optional<CopyMode> named(String text) {
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(text.strip())).findFirst();
    }

    @Override
    public String toString() {
        return written();
    }
}
