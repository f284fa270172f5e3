package dev.mvlab.bench;

import dev.mvlab.datafile.ProjectLoader;
import dev.mvlab.graph.GraphBuilder;
import dev.mvlab.graph.ProjectGraph;
import dev.mvlab.model.Project;
import dev.mvlab.render.Plan;
import dev.mvlab.render.SqlRenderer;
import dev.mvlab.render.SqlTemplates;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long {@code mvlab render} of a project takes once the JVM is up: warms up, then times N runs of each stage in
 * one JVM and prints the median and 90th percentile. Not a test: {@code make bench-render} runs it.
 * Arguments: [project folder (default .)] [runs (default 200)].
 */
public final class RenderBenchmark {
    private RenderBenchmark() {
    }

    public static void main(String[] args) {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        SqlRenderer renderer = new SqlRenderer(new SqlTemplates());
        for (int i = 0; i < 50; i++) {
            renderer.applyPlan(GraphBuilder.build(ProjectLoader.load(project)));
        }
        long[] full = new long[runs];
        long[] load = new long[runs];
        long[] graph = new long[runs];
        long[] render = new long[runs];
        int statements = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Project p = ProjectLoader.load(project);
            long t1 = System.nanoTime();
            ProjectGraph g = GraphBuilder.build(p);
            long t2 = System.nanoTime();
            Plan plan = renderer.applyPlan(g);
            String script = plan.script();
            long t3 = System.nanoTime();
            statements = script.isEmpty() ? 0 : plan.statements().size();
            load[i] = t1 - t0;
            graph[i] = t2 - t1;
            render[i] = t3 - t2;
            full[i] = t3 - t0;
        }
        System.out.printf(Locale.ROOT, "project %s: %d statements, %d runs after 50 warm-up runs%n",
                project.toAbsolutePath().normalize(), statements, runs);
        print("load (parse datafiles)", load);
        print("graph (names, order)", graph);
        print("render (Freemarker)", render);
        print("total", full);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-24s median %7.3f ms   p90 %7.3f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6);
    }
}
