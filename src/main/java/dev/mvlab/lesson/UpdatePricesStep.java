package dev.mvlab.lesson;

import java.util.List;

/**
 * {@code update_prices:} new prices for {@code products} products (all when absent or 0), a late change to a
 * dimension that a materialized view joined earlier.
 */
record UpdatePricesStep(StepInfo info, GenerateFields fields) implements Step {

    static Step parse(StepSpec spec) {
        return new UpdatePricesStep(spec.info(), GenerateFields.of(spec, "products", GeneratorOptions.PRICES));
    }

    @Override
    public StepKind kind() {
        return StepKind.UPDATE_PRICES;
    }

    @Override
    public List<StepOutput> preview() {
        return List.of(new StepOutput.Info("update the prices of " + fields.describe("products",
                fields.count() == null || fields.count() == 0 ? "all" : fields.count().toString())));
    }

    @Override
    public void run(StepContext context) {
        long count = fields.count() != null ? fields.count() : 0;
        long seed = fields.seed(context);
        GenerateFields.show(context, context.events().updatePrices(new GenerateRequest(count, seed,
                fields.options()), context.db()), seed);
    }
}
