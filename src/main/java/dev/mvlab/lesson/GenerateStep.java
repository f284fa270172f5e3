package dev.mvlab.lesson;

import java.util.List;

/**
 * {@code generate:} e-store events into the landing data source, through the {@link EventSource}. Without a count,
 * the run's default ({@code --events}, else the lesson's {@code generate.events}).
 */
record GenerateStep(StepInfo info, GenerateFields fields) implements Step {

    static Step parse(StepSpec spec) {
        return new GenerateStep(spec.info(), GenerateFields.of(spec, "events", GeneratorOptions.EVENTS));
    }

    @Override
    public String kind() {
        return "generate";
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Info("generate " + fields.describe("events",
                fields.count() == null ? "the lesson's default number of" : fields.count().toString())));
    }

    @Override
    public void run(StepContext context) {
        long count = fields.count() != null ? fields.count() : context.defaultEvents();
        long seed = fields.seed(context);
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>(fields.options());
        options.putIfAbsent("products", Long.toString(context.defaultProducts()));
        GenerateFields.show(context, context.events().events(new GenerateRequest(count, seed, options),
                context.db()), seed);
    }
}
