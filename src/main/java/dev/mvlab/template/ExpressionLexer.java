package dev.mvlab.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Splits a Python-like template expression into tokens; offsets are offsets in the whole template text. */
final class ExpressionLexer {

    enum Type { NAME, NUMBER, STRING, OP, END }

    record Token(Type type, String text, Object value, int pos) {
        boolean is(String op) {
            return (type == Type.OP || type == Type.NAME) && text.equals(op);
        }
    }

    private static final String[] OPERATORS = {"**", "//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "<", ">",
            "(", ")", "[", "]", "{", "}", ",", ":", "=", "."};

    private final String text;
    private final int end;
    private final Errors errors;
    private int i;

    private ExpressionLexer(String text, int start, int end, Errors errors) {
        this.text = text;
        this.i = start;
        this.end = end;
        this.errors = errors;
    }

    static List<Token> tokens(String text, int start, int end, Errors errors) {
        return new ExpressionLexer(text, start, end, errors).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= end) {
                tokens.add(new Token(Type.END, "", null, end));
                return tokens;
            }
            char c = text.charAt(i);
            int start = i;
            if (c == '#') {
                i = end; // a Python comment runs to the end of the expression
            } else if (Character.isLetter(c) || c == '_') {
                while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                if (i < end && (text.charAt(i) == '\'' || text.charAt(i) == '"')
                        && text.substring(start, i).equalsIgnoreCase("r")) {
                    tokens.add(string(start, true));
                } else {
                    tokens.add(new Token(Type.NAME, text.substring(start, i), null, start));
                }
            } else if (Character.isDigit(c) || c == '.' && i + 1 < end && Character.isDigit(text.charAt(i + 1))) {
                tokens.add(number(start));
            } else if (c == '\'' || c == '"') {
                tokens.add(string(start, false));
            } else {
                tokens.add(operator(start));
            }
        }
    }

    private Token number(int start) {
        boolean isFloat = false;
        while (i < end && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        if (i < end && text.charAt(i) == '.') {
            isFloat = true;
            i++;
            while (i < end && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int mark = i;
            i++;
            if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            if (i < end && Character.isDigit(text.charAt(i))) {
                isFloat = true;
                while (i < end && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                i = mark;
            }
        }
        String literal = text.substring(start, i).replace("_", "");
        if (i < end && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            throw errors.syntax(i, "invalid number literal `" + text.substring(start, i + 1) + "`", null);
        }
        if (literal.length() > 400) {
            throw errors.syntax(start, "number literal too long", null);
        }
        Object value = isFloat ? (Object) Double.parseDouble(literal) : new BigInteger(literal);
        return new Token(Type.NUMBER, text.substring(start, i), value, start);
    }

    private Token string(int start, boolean raw) {
        if (raw) {
            i++;
        }
        char quote = text.charAt(i);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), i);
        i += triple ? 3 : 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (i >= end) {
                throw errors.syntax(start, "string literal is not closed", "close it with " + quote);
            }
            char c = text.charAt(i);
            if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), i))) {
                i += triple ? 3 : 1;
                return new Token(Type.STRING, text.substring(start, i), out.toString(), start);
            }
            if (c == '\n' && !triple) {
                throw errors.syntax(start, "string literal is not closed on its line", "close it with " + quote);
            }
            if (c == '\\' && i + 1 < end) {
                char n = text.charAt(i + 1);
                if (raw) {
                    out.append(c).append(n);
                    i += 2;
                    continue;
                }
                i += 2;
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '0' -> out.append('\0');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case '\\', '\'', '"' -> out.append(n);
                    case '\n' -> { }
                    case 'x' -> out.append((char) hex(2));
                    case 'u' -> out.append((char) hex(4));
                    default -> out.append('\\').append(n);
                }
                continue;
            }
            out.append(c);
            i++;
        }
    }

    private int hex(int digits) {
        if (i + digits > end) {
            throw errors.syntax(i, "truncated escape sequence", null);
        }
        try {
            int v = Integer.parseInt(text.substring(i, i + digits), 16);
            i += digits;
            return v;
        } catch (NumberFormatException e) {
            throw errors.syntax(i, "invalid escape sequence", null);
        }
    }

    private Token operator(int start) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, i) && i + op.length() <= end) {
                i += op.length();
                return new Token(Type.OP, op, null, start);
            }
        }
        throw errors.syntax(start, "unexpected character `" + text.charAt(start) + "` in a template expression",
                null);
    }
}
