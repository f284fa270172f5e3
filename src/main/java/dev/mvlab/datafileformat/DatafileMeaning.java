package dev.mvlab.datafileformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mvlab.datafile.DatasourceParser;
import dev.mvlab.datafile.PipeParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a datafile means: its parsed model ({@code datafile}'s parsers) as a JSON tree without source locations, and
 * with multi-line texts (SQL, descriptions) compared line by line without their indentation and blank lines. Two
 * texts of a file that give the same meaning define the same data source or pipe.
 */
final class DatafileMeaning {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatafileMeaning() {
    }

    /** True for the files the formatter handles. */
    static boolean isDatafile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".datasource") || name.endsWith(".pipe");
    }

    /** The meaning of {@code text} as the file {@code file}; a parse error is thrown as the parser reports it. */
    static JsonNode of(Path file, String text) {
        boolean pipe = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pipe");
        Object model = pipe ? PipeParser.parse(file, text) : DatasourceParser.parse(file, text);
        return normalized(JSON.valueToTree(model));
    }

    private static JsonNode normalized(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> drop = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().toLowerCase(Locale.ROOT).endsWith("location")) {
                    drop.add(field.getKey());
                } else {
                    field.setValue(normalized(field.getValue()));
                }
            }
            object.remove(drop);
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, normalized(array.get(i)));
            }
            return array;
        }
        if (node.isTextual() && node.asText().contains("\n")) {
            return TextNode.valueOf(node.asText().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .collect(Collectors.joining("\n")));
        }
        return node;
    }
}
