package dev.mvlab.datafile;

import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.Pipe;
import dev.mvlab.model.Warning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses one {@code .pipe} file into a {@link Pipe}: DESCRIPTION, TAGS and TOKEN for the pipe, then NODE blocks
 * with SQL and, for the output node, TYPE and its target. The name comes from the file name.
 */
public final class PipeParser {
    static final Set<String> INSTRUCTIONS;

    static {
        Set<String> all = new TreeSet<>(Set.of("NODE", "DESCRIPTION", "TAGS", "TOKEN"));
        all.addAll(NodeBuilder.INSTRUCTIONS);
        all.addAll(EngineBuilder.KEYWORDS);
        INSTRUCTIONS = Set.copyOf(all);
    }

    private static final Set<String> TOKEN_SCOPES = Set.of("READ");

    private PipeParser() {
    }

    /** Parses a file's text; INCLUDE paths resolve against the file's folder. Warnings are dropped. */
    public static Pipe parse(Path file, String text) {
        return parse(file, text, new ArrayList<>());
    }

    /** Parses a file's text, adding warnings to {@code warnings}. */
    public static Pipe parse(Path file, String text, List<Warning> warnings) {
        return parse(Source.of(file, text), new IncludeExpander(DatafileReader.around(file)::include), warnings);
    }

    static Pipe parse(Source source, IncludeExpander includes, List<Warning> warnings) {
        String name = CommonInstructions.nameOf(source, ".pipe", "pipe");
        if (source.isBlank()) {
            throw source.error(1, 1, "empty pipe file: expected NODE",
                    "a pipe needs at least NODE <name> and SQL > with the query on indented lines");
        }
        List<Instruction> instructions = InstructionReader.read(includes.expand(source), INSTRUCTIONS, ".pipe", warnings);
        String description = null;
        List<String> tags = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<NodeBuilder> builders = new ArrayList<>();
        NodeBuilder current = null;
        for (int i = 0; i < instructions.size(); i++) {
            Instruction ins = instructions.get(i);
            Instruction next = i + 1 < instructions.size() ? instructions.get(i + 1) : null;
            switch (ins.keyword()) {
                case "NODE" -> {
                    current = new NodeBuilder(ins);
                    builders.add(current);
                }
                case "TAGS" -> tags.addAll(CommonInstructions.tags(ins));
                case "TOKEN" -> tokens.add(CommonInstructions.token(ins, TOKEN_SCOPES, "pipe", warnings));
                case "DESCRIPTION" -> {
                    if (current == null) {
                        description = CommonInstructions.description(ins, description, "pipe " + name, warnings);
                    } else {
                        current.accept(ins, next, warnings);
                    }
                }
                default -> {
                    if (current != null && current.accept(ins, next, warnings)) {
                        continue;
                    }
                    if (current == null && INSTRUCTIONS.contains(ins.keyword())) {
                        throw ins.error(ins.keyword() + " before the first NODE",
                                "start a node with NODE <name>; " + ins.keyword() + " belongs to a node");
                    }
                    if (!Keywords.ignored(ins, warnings)) {
                        throw Keywords.unknown(ins, INSTRUCTIONS, ".pipe");
                    }
                }
            }
        }
        if (builders.isEmpty()) {
            throw source.error(1, 1, "pipe " + name + " has no NODE",
                    "add NODE <name> and SQL > with the query on indented lines");
        }
        return new Pipe(name, description, List.copyOf(tags), List.copyOf(tokens), nodes(builders, warnings),
                source.location(1, 1));
    }

    private static List<Node> nodes(List<NodeBuilder> builders, List<Warning> warnings) {
        Map<String, NodeBuilder> byName = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        boolean output = false;
        for (NodeBuilder builder : builders) {
            NodeBuilder first = byName.putIfAbsent(builder.name(), builder);
            if (first != null) {
                // Tinybird's datafile parser keeps both nodes (its API refuses the pipe on push)
                warnings.add(new Warning(builder.nodeLine().valueLocation(), "two nodes are named `" + builder.name()
                        + "` (first at line " + first.nodeLine().line().number() + "): a query that names it reads "
                        + "the nearest one above it; Tinybird's API refuses such a pipe on push (every node must "
                        + "have a unique name): rename one"));
            }
            Node node = builder.build(warnings);
            if (node.type() != NodeType.STANDARD) {
                if (output) {
                    Node previous = nodes.stream().filter(n -> n.type() != NodeType.STANDARD).findFirst()
                            .orElseThrow();
                    throw builder.typeError("a pipe has one output node, but node `" + node.name() + "` is "
                            + node.type() + " and node `" + previous.name() + "` is " + previous.type(),
                            "keep TYPE on one node only; split the pipe in two");
                }
                output = true;
            }
            nodes.add(node);
        }
        return List.copyOf(nodes);
    }
}
