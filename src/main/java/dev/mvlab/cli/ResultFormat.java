package dev.mvlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.mvlab.clickhouse.QueryResult;
import dev.mvlab.sql.SqlLiterals;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders query results as an aligned table, JSON, CSV or TSV. */
public enum ResultFormat {
    TABLE, JSON, CSV, TSV;

    /** Made on the first JSON result only: its modules' look-up costs a table or CSV command's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public String render(QueryResult result) {
        return switch (this) {
            case TABLE -> table(result);
            case JSON -> json(result);
            case CSV -> csv(result);
            case TSV -> tsv(result);
        };
    }

    /** The text of one value as the table, CSV and TSV forms show it (as ClickHouse's own text formats do). */
    public static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Double d) {
            return FloatText.of(d);
        }
        if (value instanceof Float f) {
            return FloatText.of(f);
        }
        if (value instanceof BigDecimal big) {
            return big.stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return dateTime(ts.toLocalDateTime());
        }
        if (value instanceof java.time.LocalDateTime time) {
            return dateTime(time);
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return dateTime(zoned.toLocalDateTime());
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return dateTime(offset.toLocalDateTime());
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(ResultFormat::quoted).toList()) + "]";
        }
        if (value instanceof Object[] tuple) {
            return "(" + String.join(",", java.util.Arrays.stream(tuple).map(ResultFormat::quoted).toList()) + ")";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(quoted(k) + ":" + quoted(v)));
            return "{" + String.join(",", entries) + "}";
        }
        return value.toString();
    }

    private static String quoted(Object value) {
        return value instanceof String s ? SqlLiterals.string(s) : text(value);
    }

    /** {@code 2024-09-30 23:30:00}, as ClickHouse prints a DateTime; fractions only when there are any. */
    private static String dateTime(java.time.LocalDateTime time) {
        String text = time.toLocalDate() + " " + String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(),
                time.getSecond());
        return time.getNano() == 0 ? text : text + String.format(".%09d", time.getNano()).replaceAll("0+$", "");
    }

    static String table(QueryResult result) {
        int n = result.columns().size();
        int[] widths = new int[n];
        List<String[]> cells = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                line[i] = text(row.get(i)).replace("\n", "\\n").replace("\t", "\\t");
            }
            cells.add(line);
        }
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            widths[i] = result.columns().get(i).length();
            numeric[i] = !result.rows().isEmpty();
            for (int r = 0; r < cells.size(); r++) {
                widths[i] = Math.max(widths[i], cells.get(r)[i].length());
                Object v = result.rows().get(r).get(i);
                numeric[i] &= v == null || v instanceof Number;
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, result.columns().toArray(String[]::new), widths, new boolean[n]);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.append('\n');
        cells.forEach(line -> appendRow(out, line, widths, numeric));
        out.append('(').append(result.size()).append(result.size() == 1 ? " row)" : " rows)").append('\n');
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths, boolean[] rightAlign) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(widths[i] - cells[i].length());
            line.append(i == 0 ? "" : "  ").append(rightAlign[i] ? pad + cells[i] : cells[i] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String json(QueryResult result) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (List<Object> row : result.rows()) {
            ObjectNode object = rows.addObject();
            for (int i = 0; i < result.columns().size(); i++) {
                object.set(result.columns().get(i), jsonValue(row.get(i)));
            }
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value as JSON: numbers as numbers (floats as ClickHouse prints them), Maps as objects, times as text. */
    static JsonNode jsonValue(Object value) {
        JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Double || value instanceof Float) {
            String text = text(value);
            return Character.isDigit(text.charAt(text.length() - 1)) ? nodes.rawValueNode(new RawValue(text))
                    : nodes.nullNode(); // inf and nan, as ClickHouse's JSON has them
        }
        if (value instanceof BigDecimal big) {
            return nodes.numberNode(big.stripTrailingZeros().scale() < 0 ? big.setScale(0) : big.stripTrailingZeros());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Json.MAPPER.valueToTree(value);
        }
        if (value instanceof List<?> || value instanceof Object[]) {
            ArrayNode array = nodes.arrayNode();
            (value instanceof List<?> list ? list : List.of((Object[]) value)).forEach(v -> array.add(jsonValue(v)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((k, v) -> object.set(k instanceof String s ? s : text(k), jsonValue(v)));
            return object;
        }
        return nodes.textNode(text(value));
    }

    private static String csv(QueryResult result) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        result.columns().forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        result.rows().forEach(row -> rows.add(row.stream().map(ResultFormat::text).toList()));
        try {
            return mapper.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ClickHouse's TabSeparatedWithNames: escapes instead of quotes. */
    private static String tsv(QueryResult result) {
        StringBuilder out = new StringBuilder(String.join("\t", result.columns().stream().map(ResultFormat::escape).toList()))
                .append('\n');
        for (List<Object> row : result.rows()) {
            out.append(String.join("\t", row.stream().map(v -> v == null ? "\\N" : escape(text(v))).toList())).append('\n');
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }
}
