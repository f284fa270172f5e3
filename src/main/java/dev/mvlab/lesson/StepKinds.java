package dev.mvlab.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The step kinds a manifest may use, by keyword, each with the parser of its class. */
final class StepKinds {
    static final Map<String, Function<StepSpec, Step>> PARSERS = parsers();

    private StepKinds() {
    }

    private static Map<String, Function<StepSpec, Step>> parsers() {
        Map<String, Function<StepSpec, Step>> parsers = new LinkedHashMap<>();
        parsers.put("apply", ApplyStep::parse);
        parsers.put("drop", DropStep::parse);
        parsers.put("copy", CopyStep::parse);
        parsers.put("generate", GenerateStep::parse);
        parsers.put("stream", StreamStep::parse);
        parsers.put("generate_products", GenerateProductsStep::parse);
        parsers.put("update_prices", UpdatePricesStep::parse);
        parsers.put("sql", SqlStep::parse);
        parsers.put("query", QueryStep::parse);
        parsers.put("insert", InsertStep::parse);
        parsers.put("optimize", OptimizeStep::parse);
        parsers.put("verify", VerifyStep::parse);
        parsers.put("compare_speed", CompareSpeedStep::parse);
        parsers.put("note", NoteStep::parse);
        parsers.put("pause", PauseStep::parse);
        return java.util.Collections.unmodifiableMap(parsers);
    }

    static List<String> names() {
        return List.copyOf(PARSERS.keySet());
    }

    /** Kinds that need the deployer, and kinds that need the event source. */
    static final List<String> DEPLOYING = List.of("apply", "drop", "copy");
    static final List<String> GENERATING = List.of("generate", "generate_products", "update_prices", "stream");
}
