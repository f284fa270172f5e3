package dev.mvlab.bench;

import dev.mvlab.model.SourceLocation;
import dev.mvlab.template.Secrets;
import dev.mvlab.template.Template;
import dev.mvlab.template.TemplateException;
import dev.mvlab.template.Templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Parses and renders (defaults mode) every templated node SQL of the {@code .pipe} files under a folder, reports the
 * ones that fail, then times parse+render of the largest templated pipe. Not a test: {@code make bench-template}
 * runs it. Arguments: [folder (default .)] [runs (default 500)].
 */
public final class TemplateBenchmark {
    private TemplateBenchmark() {
    }

    record NodeSql(Path file, int line, int column, String sql) {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        List<Path> pipes;
        try (Stream<Path> files = Files.walk(root)) {
            pipes = files.filter(f -> f.toString().endsWith(".pipe")).sorted().toList();
        }
        int templated = 0;
        int failed = 0;
        Path largest = null;
        long largestSize = -1;
        for (Path pipe : pipes) {
            List<NodeSql> nodes = nodes(pipe);
            boolean any = false;
            for (NodeSql node : nodes) {
                if (!Templates.isTemplate(node.sql())) {
                    continue;
                }
                any = true;
                templated++;
                try {
                    Templates.parse(node.sql(), new SourceLocation(root.relativize(pipe), node.line(), node.column()))
                            .renderDefaults(Secrets.none());
                } catch (TemplateException e) {
                    failed++;
                    System.out.println("  " + e.getMessage());
                }
            }
            if (any && Files.size(pipe) > largestSize) {
                largest = pipe;
                largestSize = Files.size(pipe);
            }
        }
        System.out.printf(Locale.ROOT, "%d pipes, %d templated nodes, %d fail to render with defaults%n",
                pipes.size(), templated, failed);
        if (largest == null) {
            return;
        }
        List<NodeSql> nodes = nodes(largest).stream().filter(n -> Templates.isTemplate(n.sql())).toList();
        for (int i = 0; i < 200; i++) {
            parseAndRender(nodes);
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            parseAndRender(nodes);
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "largest templated pipe %s (%d bytes, %d templated nodes): parse+render "
                        + "median %.3f ms, p90 %.3f ms (%d runs after 200 warm-up runs)%n", largest, largestSize,
                nodes.size(), times[runs / 2] / 1e6, times[(int) (runs * 0.9)] / 1e6, runs);
    }

    private static void parseAndRender(List<NodeSql> nodes) {
        for (NodeSql node : nodes) {
            try {
                Template t = Templates.parse(node.sql(), null);
                t.renderDefaults(Secrets.none());
            } catch (TemplateException e) {
                // reported above
            }
        }
    }

    /** The SQL blocks of a .pipe file: the indented lines after {@code SQL >}, dedented. */
    static List<NodeSql> nodes(Path pipe) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pipe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<NodeSql> nodes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().matches("SQL\\s*>")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && (lines.get(end).isBlank() || Character.isWhitespace(lines.get(end).charAt(0))
                    || lines.get(end).startsWith("%"))) {
                end++;
            }
            List<String> block = lines.subList(start, end);
            int first = 0;
            while (first < block.size() && block.get(first).isBlank()) {
                first++;
            }
            if (first == block.size()) {
                continue;
            }
            int indent = block.stream().filter(l -> !l.isBlank())
                    .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            StringBuilder sql = new StringBuilder();
            for (String l : block.subList(first, block.size())) {
                sql.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
            }
            nodes.add(new NodeSql(pipe, start + first + 1, indent + 1, sql.toString().stripTrailing()));
            i = end - 1;
        }
        return nodes;
    }
}
