package dev.mvlab.generate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a customer did with a product; the {@code action} field of an e-store event. */
public enum Action {
    VIEW, CART, UNCART, PURCHASE, RETURN;

    private final String json = name().toLowerCase(Locale.ROOT);
    private final byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);

    /** The name as the event's JSON carries it: view, cart, uncart, purchase, return. */
    public String json() {
        return json;
    }

    byte[] bytes() {
        return bytes;
    }

    public static Action parse(String text) {
        for (Action action : values()) {
            if (action.json.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action '" + text + "' (expected view, cart, uncart, purchase or return)");
    }
}
