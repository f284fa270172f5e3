package dev.mvlab.datafile;

import dev.mvlab.model.Column;
import dev.mvlab.model.DataIndex;
import dev.mvlab.model.DataSource;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.Warning;
import dev.mvlab.model.WarningKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Parses one {@code .datasource} file into a {@link DataSource}. The name comes from the file name. */
public final class DatasourceParser {
    static final Set<String> INSTRUCTIONS;

    static {
        Set<String> all = new TreeSet<>(Set.of("SCHEMA", "INDEXES", "DESCRIPTION", "TOKEN", "TAGS", "SHARED_WITH"));
        all.addAll(EngineBuilder.KEYWORDS);
        INSTRUCTIONS = Set.copyOf(all);
    }

    private static final Set<String> TOKEN_SCOPES = Set.of("READ", "APPEND");

    private DatasourceParser() {
    }

    /** Parses a file's text; INCLUDE paths resolve against the file's folder. Warnings are dropped. */
    public static DataSource parse(Path file, String text) {
        return parse(file, text, new ArrayList<>());
    }

    /** Parses a file's text, adding warnings to {@code warnings}. */
    public static DataSource parse(Path file, String text, List<Warning> warnings) {
        return parse(Source.of(file, text), new IncludeExpander(Files::readString), warnings);
    }

    static DataSource parse(Source source, IncludeExpander includes, List<Warning> warnings) {
        String name = CommonInstructions.nameOf(source, ".datasource", "data source");
        if (source.isBlank()) {
            throw source.error(1, 1, "empty datasource file: expected SCHEMA >",
                    "a data source needs at least SCHEMA > and its columns on indented lines");
        }
        List<Instruction> instructions = InstructionReader.read(includes.expand(source), INSTRUCTIONS, ".datasource", warnings);
        Instruction schema = null;
        List<DataIndex> indexes = List.of();
        String description = null;
        List<String> tags = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> sharedWith = new ArrayList<>();
        EngineBuilder engine = new EngineBuilder();
        for (int i = 0; i < instructions.size(); i++) {
            Instruction ins = instructions.get(i);
            Instruction next = i + 1 < instructions.size() ? instructions.get(i + 1) : null;
            switch (ins.keyword()) {
                case "SCHEMA" -> {
                    if (schema != null) {
                        throw ins.error("SCHEMA is given twice (first at line " + schema.line().number() + ")", null);
                    }
                    schema = block(ins, next, "column definition");
                }
                case "INDEXES" -> indexes = SchemaParser.indexes(block(ins, next, "index definition"));
                case "DESCRIPTION" -> description = CommonInstructions.description(ins, description,
                        "data source " + name, warnings);
                case "TOKEN" -> tokens.add(CommonInstructions.token(ins, TOKEN_SCOPES, "data source", warnings));
                case "TAGS" -> tags.addAll(CommonInstructions.tags(ins));
                case "SHARED_WITH" -> sharedWith.addAll(CommonInstructions.sharedWith(ins));
                default -> {
                    if (!engine.accept(ins) && !Keywords.isConnectorInstruction(ins.keyword())
                            && !Keywords.ignored(ins, warnings)) {
                        throw Keywords.unknown(ins, INSTRUCTIONS, ".datasource");
                    }
                }
            }
        }
        if (schema == null) {
            throw source.error(1, 1, "data source " + name + " has no SCHEMA",
                    "add SCHEMA > with the columns on indented lines");
        }
        List<Column> columns = SchemaParser.columns(schema, warnings);
        Connector connector = Connector.of(instructions);
        if (connector != null) {
            Instruction first = instructions.stream().filter(i -> Keywords.isTinybirdInstruction(i.keyword()))
                    .findFirst().orElse(instructions.get(0));
            columns = connector.withImplicitColumns(columns, first.location());
            List<String> added = connector.implicitNames();
            warnings.add(new Warning(first.location(), connector.label() + " connector of data source " + name
                    + " is not run by mvlab: insert its rows by hand"
                    + (added.isEmpty() ? "" : "; its columns " + String.join(", ", added) + " are added"),
                    WarningKind.SKIPPED));
        }
        EngineSpec spec = engine.build(source.location(1, 1), columns, warnings);
        return new DataSource(name, description, columns, spec, indexes, List.copyOf(tags), List.copyOf(tokens),
                List.copyOf(sharedWith), source.location(1, 1));
    }

    private static Instruction block(Instruction ins, Instruction next, String what) {
        if (!ins.isBlock()) {
            throw ins.valueError("expected `>` after " + ins.keyword() + ", then one " + what + " per indented line",
                    "write " + ins.keyword() + " > and indent the lines below it");
        }
        if (ins.block().stream().allMatch(l -> l.isBlank() || l.isComment())) {
            throw Keywords.emptyBlock(ins, next, what, "list one " + what + " per indented line below "
                    + ins.keyword() + " >");
        }
        return ins;
    }
}
