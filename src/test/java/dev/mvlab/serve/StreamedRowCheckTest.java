package dev.mvlab.serve;

import dev.mvlab.model.Column;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Events API's fast path reads rows off a streaming parser ({@link StreamedRowCheck}); it must accept exactly the
 * rows the tree of each row accepts ({@link EventSchema#problems}), whatever the paths and values.
 */
class StreamedRowCheckTest {
    private static final SourceLocation AT = new SourceLocation(Path.of("datasources/events.datasource"), 1, 1);

    private static EventSchema schema() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("action", "LowCardinality(String)");
        types.put("customer_id", "String");
        types.put("product_id", "String");
        types.put("price", "Nullable(Float64)");
        types.put("ts", "DateTime");
        types.put("product", "String");
        types.put("tags", "Array(String)");
        types.put("last_qty", "Int32");
        types.put("second_name", "String");
        types.put("qty", "UInt8");
        types.put("amount", "Decimal(5, 2)");
        types.put("flag", "Bool");
        types.put("kind", "Enum8('a' = 1, 'b' = 2)");
        types.put("first_code", "UInt16");
        Map<String, String> paths = Map.ofEntries(Map.entry("action", "$.action"),
                Map.entry("customer_id", "$.customer_id"), Map.entry("product_id", "$.product.product_id"),
                Map.entry("price", "$.product.price"), Map.entry("ts", "$.timestamp"), Map.entry("product", "$.product"),
                Map.entry("tags", "$.tags[:]"), Map.entry("last_qty", "$.items[-1].qty"),
                Map.entry("second_name", "$.items[1].name"), Map.entry("qty", "$.q"), Map.entry("amount", "$['a-b']"),
                Map.entry("flag", "$.flag"), Map.entry("kind", "$.kind"), Map.entry("first_code", "$.codes[0]"));
        List<Column> columns = types.keySet().stream().map(name -> new Column(name, types.get(name), paths.get(name),
                null, null, AT)).toList();
        DataSource events = new DataSource("events", null, columns, null, List.of(), List.of(), List.of(), List.of(), AT);
        return EventSchema.of(events, types, ZoneOffset.UTC);
    }

    private static final List<String> FITTING = List.of(
            "{\"action\":\"view\",\"customer_id\":\"c1\",\"product\":{\"product_id\":\"p1\",\"price\":12.5},"
                    + "\"timestamp\":\"2026-01-02 03:04:05\"}",
            "{\"action\":\"buy\",\"product\":{\"price\":null,\"extra\":[1,2,{\"deep\":\"x\"}]},\"timestamp\":1700000000}",
            "{\"product\":\"just text\",\"tags\":[\"a\",\"b\"],\"items\":[{\"qty\":1},{\"name\":\"n\",\"qty\":-7}]}",
            "{\"product\":[1,2,3],\"q\":255,\"a-b\":\"999.99\",\"flag\":true,\"kind\":\"b\",\"codes\":[65535,\"x\"]}",
            "{\"other\":{\"nested\":[[[\"\\ud83d\\ude00\"]]]},\"big\":18446744073709551615,\"f\":1.5e300}",
            "{\"items\":[],\"tags\":[],\"codes\":[],\"q\":\"12\",\"kind\":1,\"flag\":0}",
            "{}",
            "{\"timestamp\":\"2026-01-02T03:04:05.123Z\",\"product\":{\"product_id\":42}}",
            // the same key in different objects, and objects of many keys (past the short list of keys seen)
            "{\"k\":{\"k\":{\"k\":1}},\"other\":[{\"k\":1},{\"k\":2}],\"product\":{\"k\":1},\"items\":[{\"k\":1},{\"k\":2}]}",
            "{" + java.util.stream.IntStream.range(0, 40).mapToObj(i -> "\"k" + i + "\":" + i).collect(java.util.stream.Collectors.joining(",")) + "}",
            "{\"w\":" + "{" + java.util.stream.IntStream.range(0, 40).mapToObj(i -> "\"k" + i + "\":" + i).collect(java.util.stream.Collectors.joining(",")) + "}" + ",\"k0\":{\"k0\":1}}");

    private static final List<String> REFUSED = List.of(
            "{\"product\":{\"price\":\"cheap\"}}",                   // price is not a Float64
            "{\"timestamp\":\"yesterday\"}",                          // nor a DateTime
            "{\"q\":256}",                                            // UInt8 overflow
            "{\"a-b\":1000}",                                         // Decimal(5, 2) overflow
            "{\"tags\":[\"a\",null]}",                                // a null item in an Array(String)
            "{\"tags\":\"text\"}",                                      // [:] of a text is the text: not an array
            "{\"items\":[{\"qty\":1},{\"qty\":2147483648}]}",         // the last item's qty overflows Int32
            "{\"items\":[{},{\"name\":null}]}",                       // null into a String that is not Nullable
            "{\"codes\":[65536]}",                                    // the first code overflows UInt16
            "{\"kind\":\"c\"}",                                       // not one of the Enum's names
            "{\"flag\":2}",
            "{\"action\":null}",
            "{\"unread\":{\"n\":18446744073709551616}}",              // beyond UInt64, in a field no path reads
            "{\"unread\":[1e400]}",                                   // beyond a double
            "{\"unread\":\"\\ud800\"}",                               // a lone surrogate in a text
            "{\"\\udc00key\":1}",                                     // and in a key
            "{\"product\":{\"x\":\"\\ud800\"}}",                       // inside a container kept as text
            "{\"items\":[{\"qty\":1e400}]}",                          // inside a kept array
            "{\"a\":1,\"a\":2}",                                      // a key twice
            "{\"product\":{\"product_id\":\"p\",\"product_id\":\"q\"}}",
            "{\"unread\":{\"x\":1,\"y\":{\"z\":1},\"x\":2}}",               // twice in a skipped object
            "{\"unread\":[1,{\"x\":1,\"x\":1}]}",                          // in an object in a skipped array
            "{\"product\":{\"deep\":{\"x\":1,\"x\":1}}}",                  // inside a container kept as text
            "{\"items\":[{\"qty\":1,\"qty\":2}]}",                         // inside a kept array (its tree)
            "{\"items\":[{\"qty\":1}],\"other\":{\"a\":1,\"a\":1}}",       // after a kept tree
            "{\"action\":\"view\",\"q\":1,\"action\":\"view\"}",          // a path's key twice
            "{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,"
                    + "\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,\"k17\":17,\"k18\":18,"
                    + "\"k3\":3}",                                         // twice among many keys
            "{\"w\":{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,"
                    + "\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":14,\"k15\":15,\"k16\":16,\"k17\":17},\"w\":1}",
            "[1,2]",                                                  // not an object
            "\"text\"",
            "{\"action\":\"view\"",                                   // malformed
            "{\"action\":\"view\"} trailing");

    @Test
    void theStreamedReadAcceptsExactlyWhatTheTreeAccepts() {
        EventSchema schema = schema();
        assertThat(schema.streamed()).isNotNull();
        for (String line : FITTING) {
            byte[] body = line.getBytes(StandardCharsets.UTF_8);
            assertThat(EventLines.treeRows(body, schema)).as("tree: %s", line).isEqualTo(1);
            assertThat(EventLines.streamedRows(body, schema)).as("streamed: %s", line).isEqualTo(1);
        }
        for (String line : REFUSED) {
            byte[] body = line.getBytes(StandardCharsets.UTF_8);
            assertThat(EventLines.treeRows(body, schema)).as("tree: %s", line).isEqualTo(-1);
            assertThat(EventLines.streamedRows(body, schema)).as("streamed: %s", line).isEqualTo(-1);
        }
        byte[] all = String.join("\n", FITTING).getBytes(StandardCharsets.UTF_8);
        assertThat(EventLines.streamedRows(all, schema)).isEqualTo(FITTING.size());
        for (String bad : REFUSED) { // one bad row among good ones refuses the whole body
            byte[] mixed = (String.join("\n", FITTING) + "\n" + bad + "\n" + FITTING.get(0))
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(EventLines.streamedRows(mixed, schema)).as("with %s", bad).isEqualTo(-1);
        }
    }

    @Test
    void aSplitBodyQuarantinesTheSameRowsEitherWay() {
        EventSchema schema = schema();
        String body = FITTING.get(0) + "\n" + REFUSED.get(0) + "\n" + FITTING.get(2) + "\n";
        EventLines.Split split = EventLines.split(body.getBytes(StandardCharsets.UTF_8), schema);
        assertThat(split.acceptedRows()).isEqualTo(2);
        assertThat(split.rejected()).extracting(EventLines.Rejected::line).containsExactly(2);
        assertThat(split.rejected().get(0).errors()).containsExactly("value 'cheap' on column 'price' is not Float64");
        String good = FITTING.get(0) + "\n" + FITTING.get(1);
        EventLines.Split fast = EventLines.split(good.getBytes(StandardCharsets.UTF_8), schema);
        assertThat(fast.acceptedRows()).isEqualTo(2);
        assertThat(new String(fast.accepted(), StandardCharsets.UTF_8)).isEqualTo(good + "\n");
    }
}
