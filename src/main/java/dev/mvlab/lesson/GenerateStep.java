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
    public StepKind kind() {
        return StepKind.GENERATE;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Info("generate " + fields.describe("events",
                fields.count() == null ? "the lesson's default number of" : fields.count().toString())));
    }

    @Override
    public String narrative(long defaultEvents) {
        String say = info().say();
        if (say == null) {
            return null;
        }
        long count = fields.count() != null ? fields.count() : defaultEvents;
        String text = say.replace("{events}", String.format(java.util.Locale.ROOT, "%,d", count));
        String batch = fields.options().get("batch_size");
        if (batch != null) {
            text = text.replace("{inserts}", Long.toString((count + Long.parseLong(batch) - 1) / Long.parseLong(batch)));
        }
        String pace = fields.options().get("pace");
        if (pace != null) {
            text = text.replace("{hours}", String.format(java.util.Locale.ROOT, "%.1f hours",
                    count / Double.parseDouble(pace) / 3600));
        }
        return text;
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
