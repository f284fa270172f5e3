package dev.mvlab.render;

import dev.mvlab.graph.PipeQuery;
import dev.mvlab.graph.QueryNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of a pipe's output node with the earlier nodes it reads as common table expressions, so that the names
 * the user gave the nodes stay in the SQL: {@code WITH node_a AS (...), node_b AS (...) SELECT ... FROM node_b}.
 * When the output node has a WITH clause of its own, the nodes are put in front of its items. Endpoint pipes the
 * query reads come first, each under its pipe's name with its own nodes inside (Tinybird inlines them too).
 */
final class QueryText {
    private static final Pattern LEADING_WITH = Pattern.compile(
            "\\A((?:\\s*(?:--[^\\n]*\\n|/\\*.*?\\*/))*\\s*)WITH\\b\\s*", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final String INDENT = "    ";

    private QueryText() {
    }

    static String of(PipeQuery query) {
        String output = query.output().sql();
        if (query.earlier().isEmpty() && query.inlined().isEmpty()) {
            return output;
        }
        List<String> items = new ArrayList<>();
        for (PipeQuery pipe : query.inlined()) {
            items.add(INDENT + SqlNames.name(pipe.pipe().name()) + " AS (\n" + indent(of(pipe), INDENT + INDENT)
                    + "\n" + INDENT + ")");
        }
        for (QueryNode node : query.earlier()) {
            items.add(INDENT + SqlNames.name(node.name()) + " AS (\n" + indent(node.sql(), INDENT + INDENT)
                    + "\n" + INDENT + ")");
        }
        Matcher with = LEADING_WITH.matcher(output);
        if (with.find()) {
            String comments = with.group(1).strip();
            return (comments.isEmpty() ? "" : comments + "\n") + "WITH\n" + String.join(",\n", items) + ",\n"
                    + INDENT + output.substring(with.end());
        }
        return "WITH\n" + String.join(",\n", items) + "\n" + output;
    }

    static String indent(String text, String indent) {
        return String.join("\n", text.lines().map(line -> line.isBlank() ? "" : indent + line).toList());
    }
}
