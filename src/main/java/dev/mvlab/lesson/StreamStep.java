package dev.mvlab.lesson;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;
import dev.mvlab.yaml.YamlList;
import dev.mvlab.yaml.YamlMap;
import dev.mvlab.yaml.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code stream: {events, rate, batch_size, ...}} with {@code during: [steps]}: the generator streams events into
 * the landing data source in the background (at {@code rate} events per wall-clock second) while the {@code during}
 * steps run, as a deploy happens while production traffic flows. The steps start once the first events are stored;
 * the step ends when the stream has ended, and says whether it was still running when the last step finished.
 */
record StreamStep(StepInfo info, GenerateFields fields, List<Step> during) implements Step {
    static final List<StepKind> NOT_DURING = List.of(StepKind.STREAM, StepKind.PAUSE, StepKind.GENERATE);

    static Step parse(StepSpec spec) {
        GenerateFields fields = GenerateFields.of(spec, "events", GeneratorOptions.STREAM, "during");
        YamlNode node = spec.map().require("during", "a 'stream' step");
        if (!(node instanceof YamlList list) || list.items().isEmpty()) {
            throw spec.error(node, "'during' is a list of at least one step, run while the events stream");
        }
        List<Step> during = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlMap map)) {
                throw spec.error(item, "each 'during' entry is a step (a map), not " + item.describe());
            }
            Step step = ManifestReader.step(map, spec.number(), spec.checks(), spec.datafiles(), spec.cluster());
            if (NOT_DURING.contains(step.kind())) {
                throw spec.error(item, "a '" + step.kind() + "' step cannot run during a stream");
            }
            during.add(step);
        }
        return new StreamStep(spec.info(), fields, List.copyOf(during));
    }

    @Override
    public StepKind kind() {
        return StepKind.STREAM;
    }

    @Override
    public List<StepOutput> preview() {
        List<StepOutput> preview = new ArrayList<>();
        preview.add(new StepOutput.Info("stream " + fields.describe("events", fields.count() == null
                ? "the lesson's default number of" : fields.count().toString()) + "; while it streams:"));
        for (Step step : during) {
            heading(step).ifPresent(preview::add);
            preview.addAll(step.preview());
        }
        return preview;
    }

    @Override
    public void run(StepContext context) {
        long count = fields.count() != null ? fields.count() : context.defaultEvents();
        long seed = fields.seed(context);
        Map<String, String> options = new LinkedHashMap<>(fields.options());
        options.putIfAbsent("products", Long.toString(context.defaultProducts()));
        GenerateRequest request = new GenerateRequest(count, seed, options);
        CountDownLatch streaming = new CountDownLatch(1);
        CompletableFuture<GenerateOutcome> stream = CompletableFuture.supplyAsync(
                () -> context.events().events(request, context.db(), streaming::countDown));
        stream.whenComplete((outcome, failure) -> streaming.countDown());
        await(streaming);
        context.emit(new StepOutput.Info("streaming " + count + " events" + (options.containsKey("rate")
                ? " at " + options.get("rate") + " a second" : "") + "; meanwhile:"));
        for (Step step : during) {
            context.at(step.info().location());
            heading(step).ifPresent(context::emit);
            step.run(context);
        }
        boolean overlapped = !stream.isDone();
        GenerateFields.show(context, join(stream), seed);
        context.emit(new StepOutput.Info(overlapped ? "the stream was still running when the last step ended"
                : "the stream had ended before the last step did: give it more events or a lower rate"));
    }

    private static Optional<StepOutput> heading(Step step) {
        String title = step.info().title();
        String say = step.info().say();
        if (title == null && say == null) {
            return Optional.empty();
        }
        return Optional.of(new StepOutput.Narrative((title != null ? title : "")
                + (title != null && say != null ? "\n" : "") + (say != null ? say : "")));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.MINUTES)) {
                throw new MvlabException(ExitCode.DATABASE, "the stream stored nothing in 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MvlabException(ExitCode.DATABASE, "interrupted while waiting for the stream");
        }
    }

    private static GenerateOutcome join(CompletableFuture<GenerateOutcome> stream) {
        try {
            return stream.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MvlabException(ExitCode.DATABASE, "interrupted while waiting for the stream");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new MvlabException(ExitCode.DATABASE, "the stream failed: " + e.getCause());
        }
    }
}
