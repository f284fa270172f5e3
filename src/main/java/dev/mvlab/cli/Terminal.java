package dev.mvlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** What mvlab knows about the terminal it runs in: whether a person is there, and whether colour is welcome. */
final class Terminal {
    private Terminal() {
    }

    /** True when stdin and stdout are a terminal (a person can answer a question). */
    static boolean interactive() {
        return System.console() != null;
    }

    /** Colour on a terminal only, never with NO_COLOR set (https://no-color.org) or TERM=dumb. */
    static boolean colour() {
        return colour(System.console() != null, System.getenv());
    }

    static boolean colour(boolean terminal, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        return terminal;
    }

    /** Asks a yes/no question; anything but y/yes is no. */
    static boolean confirm(PrintWriter out, InputStream in, String question) {
        out.print(question);
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
        } catch (IOException e) {
            return false;
        }
    }
}
