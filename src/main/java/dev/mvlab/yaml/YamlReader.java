package dev.mvlab.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.model.SourceLocation;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML file into {@link YamlNode}s that remember their file, line and column, using Jackson's streaming
 * YAML parser. Syntax errors and duplicate keys come back as {@code file:line:col: message}.
 */
public final class YamlReader {
    /** mvlab's YAML files are small; a bigger one is refused before it is read. */
    public static final int MAX_BYTES = 1 << 20;
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** Like {@link #read}, for a file found in {@code folder}: a symbolic link leading outside it is refused. */
    public static YamlNode readInside(Path file, Path folder) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(folder.toRealPath())) {
                throw new MvlabException(ExitCode.DATAFILE, file + ": a symbolic link to " + real + ", outside "
                        + folder, "mvlab reads the YAML files of a project only inside the project folder");
            }
        } catch (IOException e) {
            // read() reports a missing or unreadable file
        }
        return read(file);
    }

    /** Reads a regular file of at most {@link #MAX_BYTES} in UTF-8 (never a FIFO or device that could hang). */
    public static YamlNode read(Path file) {
        byte[] bytes;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new MvlabException(ExitCode.DATAFILE, file + ": not a regular file (a folder, device, FIFO or "
                        + "socket)", "YAML files of mvlab are plain text files");
            }
            if (attributes.size() > MAX_BYTES) {
                throw new MvlabException(ExitCode.DATAFILE, file + ": " + attributes.size() + " bytes; a YAML file "
                        + "of mvlab is at most " + MAX_BYTES + " bytes (1 MiB)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": no such file");
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": more than " + MAX_BYTES + " bytes (1 MiB)");
        }
        try {
            return parse(file, StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            String lenient = new String(bytes, StandardCharsets.UTF_8);
            int bad = lenient.indexOf('\uFFFD');
            String before = lenient.substring(0, Math.max(0, bad));
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
            throw YamlErrors.at(new SourceLocation(file, line, column), "invalid UTF-8 (a byte that cannot start "
                    + "or continue a character)", "save the file as UTF-8");
        }
    }

    /** Parses {@code text} as if read from {@code file} (which is only used in locations). */
    public static YamlNode parse(Path file, String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw YamlErrors.at(new SourceLocation(file, 1, 1), "the file is empty", null);
            }
            return node(parser, file, text);
        } catch (JsonProcessingException e) {
            throw syntax(file, e);
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": cannot read: " + e.getMessage());
        }
    }

    private static YamlNode node(JsonParser parser, Path file, String text) throws IOException {
        SourceLocation where = location(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, SourceLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyWhere = location(file, parser.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw YamlErrors.at(keyWhere, "duplicate key '" + key + "' (first at line "
                                + keys.get(key).line() + ")", null);
                    }
                    parser.nextToken();
                    keys.put(key, keyWhere);
                    entries.put(key, node(parser, file, text));
                }
                return new YamlMap(entries, keys, where);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, file, text));
                }
                return new YamlList(List.copyOf(items), where);
            }
            default -> {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw YamlErrors.at(where, "YAML aliases (*" + parser.getText() + ") are not supported",
                            "write the value out where it is used");
                }
                return scalar(parser, token, where, text);
            }
        }
    }

    private static YamlScalar scalar(JsonParser parser, JsonToken token, SourceLocation where, String text)
            throws IOException {
        YamlScalar.Kind kind = switch (token) {
            case VALUE_NUMBER_INT -> YamlScalar.Kind.INTEGER;
            case VALUE_NUMBER_FLOAT -> YamlScalar.Kind.FLOAT;
            case VALUE_TRUE, VALUE_FALSE -> YamlScalar.Kind.BOOLEAN;
            case VALUE_NULL -> YamlScalar.Kind.NULL;
            default -> YamlScalar.Kind.STRING;
        };
        String value = kind == YamlScalar.Kind.NULL ? "" : parser.getText();
        return new YamlScalar(value, kind, startsBlock(text, where), where);
    }

    /** True when the scalar at {@code where} is a {@code |} or {@code >} block. */
    private static boolean startsBlock(String text, SourceLocation where) {
        int line = 1;
        int index = 0;
        while (line < where.line() && index >= 0) {
            index = text.indexOf('\n', index) + 1;
            line++;
            if (index == 0) {
                return false;
            }
        }
        int at = index + where.column() - 1;
        return at < text.length() && (text.charAt(at) == '|' || text.charAt(at) == '>');
    }

    private static SourceLocation location(Path file, JsonLocation location) {
        return new SourceLocation(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static MvlabException syntax(Path file, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            var mark = marked.getProblemMark();
            String context = marked.getContext() == null || marked.getContextMark() == null ? ""
                    : " (" + marked.getContext() + " at line " + (marked.getContextMark().getLine() + 1) + ")";
            return YamlErrors.at(new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "YAML syntax: " + marked.getProblem() + context, null);
        }
        JsonLocation where = e.getLocation();
        SourceLocation location = where == null ? new SourceLocation(file, 1, 1) : location(file, where);
        return YamlErrors.at(location, "YAML syntax: " + e.getOriginalMessage().lines().findFirst().orElse(""), null);
    }
}
