package dev.mvlab.template;

import dev.mvlab.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden table {@code src/test/resources/template/golden.txt}: template + request parameters (or defaults mode)
 * -> expected SQL or error, one case per {@code ### name [call|defaults]} section. Run with
 * {@code -Dmvlab.golden.update=true} to rewrite the expected parts, then review the diff.
 */
class TemplateGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("mvlab.golden.update");
    private static final Path FILE = Path.of("src/test/resources/template/golden.txt");
    static final Secrets SECRETS = Secrets.of(Map.of("api_key", "s3cr'et", "region", "eu"));

    record Case(String name, RenderMode mode, String template, Map<String, List<String>> params, String expected) {
    }

    @Test
    void everyCaseRendersAsRecorded() throws IOException {
        List<Case> cases = read(Files.readString(FILE, StandardCharsets.UTF_8));
        assertThat(cases).hasSizeGreaterThan(50);
        StringBuilder rewritten = new StringBuilder();
        List<String> differences = new ArrayList<>();
        for (Case c : cases) {
            String actual = render(c);
            if (!actual.equals(c.expected())) {
                differences.add(c.name() + ":\n  expected: " + c.expected() + "\n  actual:   " + actual);
            }
            rewritten.append(write(c, actual));
        }
        if (UPDATE) {
            Files.writeString(FILE, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(differences).as("golden cases that differ (rewrite with -Dmvlab.golden.update=true)").isEmpty();
    }

    static String render(Case c) {
        try {
            Template t = Templates.parse(c.template(), new SourceLocation(Path.of("t.pipe"), 1, 1));
            return t.render(c.mode(), ParameterValues.ofLists(c.params()), SECRETS).strip();
        } catch (TemplateException e) {
            return "ERROR " + e.kind() + (e.kind() == TemplateException.Kind.RAISED ? " " + e.httpStatus() : "")
                    + " " + e.getMessage();
        }
    }

    static List<Case> read(String text) {
        List<Case> cases = new ArrayList<>();
        for (String section : text.split("(?m)^### ")) {
            if (section.isBlank()) {
                continue;
            }
            String header = section.substring(0, section.indexOf('\n'));
            String body = section.substring(section.indexOf('\n') + 1);
            String[] parts = body.split("(?m)^--- expected\n", 2);
            String[] templateAndParams = parts[0].split("(?m)^--- params\n", 2);
            Map<String, List<String>> params = new LinkedHashMap<>();
            if (templateAndParams.length > 1) {
                for (String line : templateAndParams[1].split("\n")) {
                    if (!line.isEmpty()) {
                        int eq = line.indexOf('=');
                        params.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>())
                                .add(unescape(line.substring(eq + 1)));
                    }
                }
            }
            String name = header.replaceAll("\\s*\\[.*]$", "").strip();
            RenderMode mode = header.endsWith("[defaults]") ? RenderMode.DEFAULTS : RenderMode.CALL;
            String template = templateAndParams[0].endsWith("\n")
                    ? templateAndParams[0].substring(0, templateAndParams[0].length() - 1) : templateAndParams[0];
            cases.add(new Case(name, mode, template, params, parts.length > 1 ? parts[1].strip() : ""));
        }
        return cases;
    }

    private static String write(Case c, String actual) {
        StringBuilder s = new StringBuilder("### ").append(c.name())
                .append(c.mode() == RenderMode.DEFAULTS ? " [defaults]" : "").append('\n').append(c.template())
                .append('\n');
        if (!c.params().isEmpty()) {
            s.append("--- params\n");
            c.params().forEach((k, vs) -> vs.forEach(v -> s.append(k).append('=').append(escape(v)).append('\n')));
        }
        return s.append("--- expected\n").append(actual).append("\n\n").toString();
    }

    /** Parameter values are written with Java escapes: \n, \t, \0, \\ and backslash-u. */
    static String unescape(String v) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\\' || i + 1 >= v.length()) {
                out.append(c);
                continue;
            }
            char n = v.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'u' -> {
                    out.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    static String escape(String v) {
        StringBuilder out = new StringBuilder();
        for (char c : v.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
