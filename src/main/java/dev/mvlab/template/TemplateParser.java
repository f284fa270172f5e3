package dev.mvlab.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses template text into {@link TemplateNode}s, Tornado's syntax: {@code {{ expr }}}, {@code {% if %}},
 * {@code {% elif %}}, {@code {% else %}}, {@code {% for %}}, {@code {% set %}}, {@code {% end %}}, {@code {# #}};
 * {@code {{!}}, {@code {%!} and {@code {#!} write the brace pair literally. Blocks nest at most
 * {@value #MAX_DEPTH} deep.
 */
final class TemplateParser {
    static final int MAX_DEPTH = 100;
    private static final Pattern FOR = Pattern.compile("for\\s+(.+?)\\s+in\\s+(.+)", Pattern.DOTALL);
    private static final Pattern SET = Pattern.compile("set\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)(.*)",
            Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private enum Closer { END, ELSE, ELIF, EOF }

    private record Stop(Closer closer, Expr condition, int pos) {
    }

    private final String text;
    private final Errors errors;
    private int i;
    private int depth;

    private TemplateParser(String text, int start, Errors errors) {
        this.text = text;
        this.i = start;
        this.errors = errors;
    }

    static List<TemplateNode> parse(String text, int start, Errors errors) {
        TemplateParser parser = new TemplateParser(text, start, errors);
        List<TemplateNode> nodes = new ArrayList<>();
        Stop stop = parser.sequence(nodes);
        if (stop.closer() != Closer.EOF) {
            throw errors.syntax(stop.pos(), "{% " + stop.closer().name().toLowerCase(java.util.Locale.ROOT)
                    + " %} without an open {% if %} or {% for %} block", "remove it");
        }
        return nodes;
    }

    private Stop sequence(List<TemplateNode> out) {
        StringBuilder raw = new StringBuilder();
        int rawStart = i;
        while (i < text.length()) {
            int open = nextTag(i);
            if (open < 0) {
                raw.append(text, i, text.length());
                i = text.length();
                break;
            }
            raw.append(text, i, open);
            if (open + 2 < text.length() && text.charAt(open + 2) == '!') {
                raw.append(text, open, open + 2);
                i = open + 3;
                continue;
            }
            flush(raw, rawStart, out);
            char kind = text.charAt(open + 1);
            String close = kind == '{' ? "}}" : kind == '%' ? "%}" : "#}";
            int closeAt = text.indexOf(close, open + 2);
            if (closeAt < 0) {
                throw errors.syntax(open, "missing end of template tag " + close + " (opened with "
                        + text.substring(open, open + 2) + " at line " + errors.lineOf(open) + ")",
                        "close it with " + close);
            }
            i = closeAt + 2;
            int lines = lines(open, i);
            if (kind == '#') {
                out.add(new TemplateNode.Comment(open, lines));
            } else if (kind == '{') {
                String source = text.substring(open + 2, closeAt).strip();
                Expr expr = ExpressionParser.parse(text, open + 2, closeAt, errors);
                out.add(new TemplateNode.Output(expr, source, open, lines));
            } else {
                Stop stop = statement(open, closeAt, out);
                if (stop != null) {
                    return stop;
                }
            }
            raw.setLength(0);
            rawStart = i;
        }
        flush(raw, rawStart, out);
        return new Stop(Closer.EOF, null, text.length());
    }

    private int nextTag(int from) {
        int at = text.indexOf('{', from);
        while (at >= 0 && at + 1 < text.length()) {
            char c = text.charAt(at + 1);
            if (c == '{' || c == '%' || c == '#') {
                return at;
            }
            at = text.indexOf('{', at + 1);
        }
        return -1;
    }

    private void flush(StringBuilder raw, int start, List<TemplateNode> out) {
        if (!raw.isEmpty()) {
            String s = raw.toString();
            out.add(new TemplateNode.Text(s, start, (int) s.chars().filter(c -> c == '\n').count()));
            raw.setLength(0);
        }
    }

    /** A statement tag; a closer ({@code end}, {@code else}, {@code elif}) is returned to the enclosing block. */
    private Stop statement(int open, int closeAt, List<TemplateNode> out) {
        int bodyStart = open + 2;
        while (bodyStart < closeAt && Character.isWhitespace(text.charAt(bodyStart))) {
            bodyStart++;
        }
        String body = text.substring(bodyStart, closeAt).strip();
        Matcher word = NAME.matcher(body);
        String keyword = word.lookingAt() ? word.group() : "";
        int afterKeyword = bodyStart + keyword.length();
        switch (keyword) {
            case "end":
                return new Stop(Closer.END, null, open);
            case "else":
                return new Stop(Closer.ELSE, null, open);
            case "elif":
                return new Stop(Closer.ELIF, ExpressionParser.parse(text, afterKeyword, closeAt, errors), open);
            case "if":
                out.add(ifBlock(open, ExpressionParser.parse(text, afterKeyword, closeAt, errors)));
                return null;
            case "for":
                out.add(forBlock(open, body, bodyStart, closeAt));
                return null;
            case "set": {
                Matcher m = SET.matcher(body);
                if (!m.matches()) {
                    throw errors.syntax(open, "expected {% set name = value %}", null);
                }
                int exprStart = bodyStart + m.start(2);
                out.add(new TemplateNode.Set(m.group(1), ExpressionParser.parse(text, exprStart, closeAt, errors),
                        open, lines(open, i)));
                return null;
            }
            case "comment":
                out.add(new TemplateNode.Comment(open, lines(open, i)));
                return null;
            default:
                throw errors.syntax(open, "unsupported template tag {% " + (keyword.isEmpty() ? body : keyword)
                        + " %}", "templates support {% if %}, {% elif %}, {% else %}, {% for %}, {% set %}, "
                        + "{% end %} and {# comments #}");
        }
    }

    private TemplateNode ifBlock(int open, Expr condition) {
        enter(open);
        List<Expr> conditions = new ArrayList<>(List.of(condition));
        List<List<TemplateNode>> branches = new ArrayList<>();
        boolean inElse = false;
        while (true) {
            List<TemplateNode> body = new ArrayList<>();
            Stop stop = sequence(body);
            switch (stop.closer()) {
                case EOF -> throw errors.make(TemplateException.Kind.SYNTAX, open, "UnClosedIfError",
                        "Missing {% end %} block for if at line " + errors.lineOf(open), "end it with {% end %}");
                case END -> {
                    depth--;
                    if (!inElse) {
                        branches.add(List.copyOf(body));
                    }
                    return new TemplateNode.If(List.copyOf(conditions), List.copyOf(branches),
                            inElse ? List.copyOf(body) : null, open, lines(open, i));
                }
                case ELIF, ELSE -> {
                    if (inElse) {
                        throw errors.syntax(stop.pos(), "{% " + (stop.closer() == Closer.ELSE ? "else" : "elif")
                                + " %} after {% else %}", "an {% if %} has at most one {% else %}, at its end");
                    }
                    branches.add(List.copyOf(body));
                    if (stop.closer() == Closer.ELIF) {
                        conditions.add(stop.condition());
                    } else {
                        inElse = true;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private TemplateNode forBlock(int open, String body, int bodyStart, int closeAt) {
        Matcher m = FOR.matcher(body);
        if (!m.matches()) {
            throw errors.syntax(open, "expected {% for name in values %}", null);
        }
        List<String> targets = new ArrayList<>();
        for (String target : m.group(1).replace("(", "").replace(")", "").split(",")) {
            if (!NAME.matcher(target.strip()).matches()) {
                throw errors.syntax(open, "bad loop variable `" + target.strip() + "`", null);
            }
            targets.add(target.strip());
        }
        Expr iterable = ExpressionParser.parse(text, bodyStart + m.start(2), closeAt, errors);
        enter(open);
        List<TemplateNode> nodes = new ArrayList<>();
        Stop stop = sequence(nodes);
        if (stop.closer() != Closer.END) {
            throw errors.syntax(stop.closer() == Closer.EOF ? open : stop.pos(),
                    stop.closer() == Closer.EOF ? "Missing {% end %} block for for at line " + errors.lineOf(open)
                            : "{% else %}/{% elif %} inside {% for %} is not supported", "end it with {% end %}");
        }
        depth--;
        return new TemplateNode.For(List.copyOf(targets), iterable, List.copyOf(nodes), open, lines(open, i));
    }

    private void enter(int pos) {
        if (++depth > MAX_DEPTH) {
            throw errors.syntax(pos, "template blocks nested too deeply (more than " + MAX_DEPTH + " levels)",
                    "simplify the template");
        }
    }

    private int lines(int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }
}
