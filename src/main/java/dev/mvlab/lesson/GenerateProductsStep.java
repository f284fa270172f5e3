package dev.mvlab.lesson;

import java.util.List;

/** {@code generate_products:} product rows (a dimension), through the {@link EventSource}. */
record GenerateProductsStep(StepInfo info, GenerateFields fields) implements Step {

    static Step parse(StepSpec spec) {
        return new GenerateProductsStep(spec.info(), GenerateFields.of(spec, "products", GeneratorOptions.PRODUCTS));
    }

    @Override
    public StepKind kind() {
        return StepKind.GENERATE_PRODUCTS;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Info("generate " + fields.describe("products",
                fields.count() == null ? "the lesson's number of" : fields.count().toString())));
    }

    @Override
    public void run(StepContext context) {
        long count = fields.count() != null ? fields.count() : context.defaultProducts();
        long seed = fields.seed(context);
        GenerateFields.show(context, context.events().products(new GenerateRequest(count, seed, fields.options()),
                context.db()), seed);
    }
}
