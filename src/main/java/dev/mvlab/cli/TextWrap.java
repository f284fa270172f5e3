package dev.mvlab.cli;

import java.util.ArrayList;
import java.util.List;

/** Wraps prose to a width at spaces, keeping each line's own indentation (a list item's text hangs under it). */
final class TextWrap {
    private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile("([-*]|\\d+\\.) ");

    private TextWrap() {
    }

    static List<String> lines(String text, String indent, int width) {
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().lines().toList()) {
            String body = line.stripTrailing();
            int own = body.length() - body.stripLeading().length();
            java.util.regex.Matcher item = LIST_ITEM.matcher(body.stripLeading());
            String hang = indent + " ".repeat(own + (item.lookingAt() ? item.end() : 0));
            String current = indent + body;
            while (current.length() > width) {
                int cut = current.lastIndexOf(' ', width);
                if (cut <= hang.length()) {
                    break; // one long word: leave it
                }
                lines.add(current.substring(0, cut).stripTrailing());
                current = hang + current.substring(cut + 1).stripLeading();
            }
            lines.add(current.stripTrailing());
        }
        return lines;
    }
}
