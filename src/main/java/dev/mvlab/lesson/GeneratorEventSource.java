package dev.mvlab.lesson;

import dev.mvlab.clickhouse.Database;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.generate.BatchSettings;
import dev.mvlab.generate.ProductCatalog;
import dev.mvlab.generate.GenerateResult;
import dev.mvlab.generate.LandingChoice;
import dev.mvlab.generate.LandingIngest;
import dev.mvlab.generate.Progress;
import dev.mvlab.generate.ProductsTable;
import dev.mvlab.clickhouse.RetryPolicy;
import dev.mvlab.generate.RunLimits;
import dev.mvlab.generate.StreamOptions;
import dev.mvlab.model.Project;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The lesson's {@link EventSource} over the event generator: events through the landing data source's JSONPaths
 * (as {@code mvlab generate} sends them), the product catalog the events use, and new price versions. A step's
 * options are read by {@link GeneratorOptions}. Batches are cut by size only (never by time), one insert at a time,
 * so a seed gives the same rows in the same parts on every run.
 */
public final class GeneratorEventSource implements EventSource {
    private final Project project;
    private final Path checkpoints;
    private final Progress.Listener progress;

    /** @param checkpoints where the ingest keeps its checkpoints, normally {@code <project>/.mvlab/generate} */
    public GeneratorEventSource(Project project, Path checkpoints) {
        this(project, checkpoints, Progress.Listener.NONE);
    }

    /** @param progress hears a generate step's progress (the CLI draws it on a terminal) */
    public GeneratorEventSource(Project project, Path checkpoints, Progress.Listener progress) {
        this.project = project;
        this.checkpoints = checkpoints;
        this.progress = progress;
    }

    @Override
    public GenerateOutcome events(GenerateRequest request, Database db) {
        return events(request, db, () -> {
        });
    }

    @Override
    public GenerateOutcome events(GenerateRequest request, Database db, Runnable streaming) {
        GeneratorOptions options = new GeneratorOptions(request.options(), GeneratorOptions.STREAM);
        StreamOptions stream = options.stream(request.seed());
        BatchSettings batching = new BatchSettings(options.batchSize(request.count()), Duration.ofHours(1), 1, 2,
                BatchSettings.DEFAULT.compression());
        LandingIngest ingest = new LandingIngest(db, LandingChoice.choose(project, options.text("datasource", null)),
                checkpoints, batching, RetryPolicy.DEFAULT);
        AtomicBoolean told = new AtomicBoolean();
        Progress.Listener heard = p -> {
            progress.progress(p);
            if (p.acknowledged() > 0 && !told.getAndSet(true)) {
                streaming.run();
            }
        };
        GenerateResult result = ingest.run(stream, true, new RunLimits(request.count(), null,
                options.doubleValue("rate", 0)), false, heard);
        if (!told.getAndSet(true)) {
            streaming.run();
        }
        List<String> notes = new ArrayList<>();
        notes.add(result.actions().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", ")) + "; " + result.duplicates() + " exact duplicates, "
                + result.late() + " late; " + result.batches() + (result.batches() == 1 ? " insert" : " inserts")
                + "; event time from " + stream.start().toString().replace('T', ' '));
        notes.addAll(result.notes());
        if (Boolean.parseBoolean(options.text("show_insert", "false"))) {
            notes.add("each batch of JSON lines is sent as the body of:\n  " + ingest.insertSql()
                    .replace(" SELECT ", "\n  SELECT ").replace(", JSONExtract(", ",\n         JSONExtract(").replace(" FROM input", "\n  FROM input"));
        }
        return new GenerateOutcome(result.target(), result.events(), notes);
    }

    @Override
    public GenerateOutcome products(GenerateRequest request, Database db) {
        GeneratorOptions options = new GeneratorOptions(request.options(), GeneratorOptions.PRODUCTS);
        ProductCatalog catalog = ProductCatalog.create((int) request.count(), options.longValue("catalog_seed",
                StreamOptions.DEFAULT_CATALOG_SEED));
        LocalDateTime updatedAt = options.dateTime("updated_at", StreamOptions.DEFAULT_START);
        ProductsTable.ProductsResult result = new ProductsTable(db, options.text("datasource", "products"))
                .writeCatalog(catalog, updatedAt);
        return new GenerateOutcome(result.table(), result.rows(), List.of("the catalog the events use (catalog "
                + "seed " + options.longValue("catalog_seed", StreamOptions.DEFAULT_CATALOG_SEED) + "), updated_at "
                + updatedAt.toString().replace('T', ' ')));
    }

    @Override
    public GenerateOutcome updatePrices(GenerateRequest request, Database db) {
        GeneratorOptions options = new GeneratorOptions(request.options(), GeneratorOptions.PRICES);
        String table = options.text("datasource", "products");
        int size = (int) db.queryLong("SELECT uniqExact(product_id) FROM " + dev.mvlab.clickhouse.Identifiers.quote(table));
        if (size == 0) {
            throw new MvlabException(ExitCode.DATABASE, table + " is empty: there are no prices to update",
                    "write the catalog first with a generate_products step");
        }
        ProductCatalog catalog = ProductCatalog.create(size, options.longValue("catalog_seed",
                StreamOptions.DEFAULT_CATALOG_SEED));
        int count = request.count() == 0 ? size : (int) Math.min(size, request.count());
        ProductsTable.ProductsResult result = new ProductsTable(db, table).updatePrices(catalog, count,
                request.seed());
        List<String> notes = new ArrayList<>();
        result.changes().stream().limit(5).forEach(c -> notes.add(c.productId() + ": price " + c.oldPrice() + " -> "
                + c.newPrice()));
        if (result.changes().size() > 5) {
            notes.add("... and " + (result.changes().size() - 5) + " more");
        }
        notes.add("new versions, one per product, with a later updated_at; the old versions stay until a merge");
        return new GenerateOutcome(result.table(), result.rows(), notes);
    }
}
