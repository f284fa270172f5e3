package dev.mvlab.datafile;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splices {@code INCLUDE "path.incl" "VAR=value" ...} lines: the included file's lines replace the INCLUDE line,
 * with {@code $VAR} and {@code ${VAR}} substituted. Paths are relative to the including file; includes may nest
 * {@link #MAX_DEPTH} deep, and one datafile expands to at most {@link #MAX_EXPANDED_CHARS} characters.
 */
final class IncludeExpander {
    /**
     * Reads an include file given its path as shown to users (relative to the project folder, or as given);
     * problems are errors at {@code column} of the INCLUDE line.
     */
    interface FileReader {
        Source read(Line includeLine, int column, Path path);
    }

    static final int MAX_DEPTH = 32;
    static final int MAX_EXPANDED_CHARS = 4 * DatafileReader.MAX_BYTES;
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final FileReader reader;
    private long expandedChars;

    IncludeExpander(FileReader reader) {
        this.reader = reader;
    }

    List<Line> expand(Source source) {
        expandedChars = 0;
        List<Line> out = new ArrayList<>();
        Deque<Path> stack = new ArrayDeque<>();
        stack.push(source.path().normalize());
        expand(source, Map.of(), null, stack, out);
        return out;
    }

    /** @param includedBy the INCLUDE line that brought this file in, or null for the file itself */
    private void expand(Source source, Map<String, String> vars, Line includedBy, Deque<Path> stack,
                        List<Line> out) {
        for (int i = 0; i < source.lines().size(); i++) {
            int number = i + 1;
            String raw = source.lines().get(i);
            String text = includedBy != null && !raw.stripLeading().startsWith("#")
                    ? substitute(raw, vars, source, number, includedBy) : raw;
            if (isInclude(text)) {
                include(new Line(source, number, text), vars, stack, out);
            } else {
                expandedChars += text.length() + 1;
                if (expandedChars > MAX_EXPANDED_CHARS) {
                    throw (includedBy != null ? includedBy : new Line(source, number, text)).error(1,
                            "includes expand this datafile to more than " + MAX_EXPANDED_CHARS + " characters",
                            "an INCLUDE repeated many times, or includes that include each other many times?");
                }
                out.add(new Line(source, number, text));
            }
        }
    }

    static boolean isInclude(String text) {
        return text.startsWith("INCLUDE") && (text.length() == 7 || Character.isWhitespace(text.charAt(7)));
    }

    private void include(Line line, Map<String, String> outer, Deque<Path> stack, List<Line> out) {
        List<Values.Token> args = Values.words(line, 8);
        if (args.isEmpty()) {
            throw line.error(8, "expected a file name after INCLUDE",
                    "write INCLUDE \"includes/file.incl\" \"VAR=value\" ...");
        }
        Map<String, String> vars = new LinkedHashMap<>(outer);
        for (Values.Token arg : args.subList(1, args.size())) {
            int eq = arg.text().indexOf('=');
            if (eq <= 0 || !Values.isIdentifier(arg.text().substring(0, eq))) {
                throw line.error(arg.column(), "expected a variable VAR=value after the INCLUDE file name, found `"
                        + arg.text() + "`", "write INCLUDE \"includes/file.incl\" \"VAR=value\"");
            }
            vars.put(arg.text().substring(0, eq), Values.unquote(arg.text().substring(eq + 1)));
        }
        Values.Token file = args.get(0);
        Path path = line.source().path().resolveSibling(file.text()).normalize();
        List<Path> chainPaths = new ArrayList<>(stack);
        Collections.reverse(chainPaths);
        if (stack.contains(path)) {
            String chain = chainPaths.stream().map(Path::toString).collect(Collectors.joining(" -> "));
            throw line.error(file.column(), "include cycle: " + chain + " -> " + path,
                    "an include file must not include itself, directly or through others");
        }
        if (stack.size() > MAX_DEPTH) {
            String chain = chainPaths.subList(0, 2).stream().map(Path::toString).collect(Collectors.joining(" -> "))
                    + " -> ... -> " + chainPaths.get(chainPaths.size() - 1) + " -> " + path;
            throw line.error(file.column(), "includes nest more than " + MAX_DEPTH + " levels deep: " + chain,
                    "INCLUDE files may include others, at most " + MAX_DEPTH + " levels deep");
        }
        Source included = reader.read(line, file.column(), path);
        stack.push(path);
        expand(included, vars, line, stack, out);
        stack.pop();
    }

    private static String substitute(String text, Map<String, String> vars, Source source, int number,
                                     Line includedBy) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = vars.get(name);
            if (value == null) {
                String where = includedBy.source().path() + ":" + includedBy.number();
                throw source.error(number, m.start() + 1, "include variable `" + name + "` is not defined",
                        "pass it on the INCLUDE line at " + where + ": " + includedBy.text().strip() + " \""
                                + name + "=value\"");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
