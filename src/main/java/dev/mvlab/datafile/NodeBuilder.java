package dev.mvlab.datafile;

import dev.mvlab.model.CopyMode;
import dev.mvlab.model.EngineSpec;
import dev.mvlab.model.Node;
import dev.mvlab.model.NodeType;
import dev.mvlab.model.SourceLocation;
import dev.mvlab.model.Warning;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Collects the instructions after one {@code NODE name} line and checks them into a {@link Node}. */
final class NodeBuilder {
    static final Set<String> INSTRUCTIONS = Set.of("SQL", "DESCRIPTION", "TYPE", "DATASOURCE", "TARGET_DATASOURCE",
            "COPY_SCHEDULE", "COPY_MODE");
    private static final Map<String, NodeType> TYPES = Map.of("materialized", NodeType.MATERIALIZED,
            "endpoint", NodeType.ENDPOINT, "copy", NodeType.COPY, "sink", NodeType.SINK);

    private final Instruction nodeLine;
    private final String name;
    private final EngineBuilder engine = new EngineBuilder();
    private String description;
    private Instruction sql;
    private Instruction type;
    private Instruction datasource;
    private Instruction targetDatasource;
    private Instruction copySchedule;
    private Instruction copyMode;

    NodeBuilder(Instruction nodeLine) {
        this.nodeLine = nodeLine;
        List<Values.Token> words = Values.words(nodeLine.line(), nodeLine.valueColumn());
        if (words.isEmpty()) {
            throw nodeLine.valueError("expected a node name after NODE", "write NODE my_node");
        }
        this.name = words.get(0).text();
        if (!Values.isIdentifier(name) || words.size() > 1) {
            throw nodeLine.valueError("node name `" + nodeLine.value() + "` is not a valid identifier",
                    "use letters, digits and _, starting with a letter or _");
        }
    }

    String name() {
        return name;
    }

    Instruction nodeLine() {
        return nodeLine;
    }

    /** Takes a node instruction; false when it is not one. */
    boolean accept(Instruction ins, Instruction next, List<Warning> warnings) {
        switch (ins.keyword()) {
            case "SQL" -> sql = sql(once(sql, ins), next);
            case "DESCRIPTION" -> {
                if (type != null) {
                    warnings.add(new Warning(ins.location(), "DESCRIPTION after TYPE describes node " + name
                            + "; a pipe's DESCRIPTION goes before the first NODE"));
                }
                description = CommonInstructions.description(ins, description, "node " + name, warnings);
            }
            case "TYPE" -> type = once(type, ins);
            case "DATASOURCE" -> datasource = once(datasource, ins);
            case "TARGET_DATASOURCE" -> targetDatasource = once(targetDatasource, ins);
            case "COPY_SCHEDULE" -> copySchedule = once(copySchedule, ins);
            case "COPY_MODE" -> copyMode = once(copyMode, ins);
            default -> {
                return engine.accept(ins);
            }
        }
        return true;
    }

    Node build(List<Warning> warnings) {
        if (sql == null) {
            throw nodeLine.error("node " + name + " has no SQL", "add SQL > below NODE " + name
                    + " with the query on indented lines");
        }
        NodeType nodeType = nodeType();
        String target = null;
        String copyTarget = null;
        EngineSpec targetEngine = null;
        if (nodeType == NodeType.MATERIALIZED) {
            target = targetName(datasource, "DATASOURCE", "a materialized node needs DATASOURCE <target data source>");
            targetEngine = engine.isEmpty() ? null : engine.build(datasource.location(), null, warnings);
        } else {
            misplaced(datasource, "DATASOURCE is only for TYPE materialized nodes",
                    "add TYPE materialized, or remove DATASOURCE");
            if (!engine.isEmpty()) {
                throw engine.first().error(engine.first().keyword() + " in a node that is not TYPE materialized",
                        "ENGINE lines in a pipe define the target of a materialized node; write them after "
                                + "TYPE materialized and DATASOURCE");
            }
        }
        CopyMode mode = null;
        String schedule = null;
        if (nodeType == NodeType.COPY) {
            copyTarget = targetName(targetDatasource, "TARGET_DATASOURCE",
                    "a copy node needs TARGET_DATASOURCE <target data source>");
            mode = copyMode == null ? CopyMode.APPEND : copyMode();
            schedule = copySchedule == null ? null : copySchedule.requireValue();
        } else {
            String hint = "add TYPE copy, or remove the line";
            misplaced(targetDatasource, "TARGET_DATASOURCE is only for TYPE copy nodes", hint);
            misplaced(copyMode, "COPY_MODE is only for TYPE copy nodes", hint);
            misplaced(copySchedule, "COPY_SCHEDULE is only for TYPE copy nodes", hint);
        }
        String text = sqlText();
        warnComments(warnings);
        SqlChecks.query(sql, text.startsWith("%"));
        return new Node(name, description, text, text.startsWith("%"), nodeType, target, copyTarget, schedule, mode,
                targetEngine, nodeLine.location(), sqlLocation());
    }

    DatafileException typeError(String reason, String hint) {
        return (type != null ? type : nodeLine).error(reason, hint);
    }

    private NodeType nodeType() {
        if (type == null) {
            return NodeType.STANDARD;
        }
        String v = type.requireValue().toLowerCase(Locale.ROOT);
        NodeType t = TYPES.get(v);
        if (t == null) {
            throw type.valueError("unknown node TYPE `" + type.requireValue() + "`",
                    "expected one of: materialized, endpoint, copy, sink (any case); a pipe without TYPE is an endpoint");
        }
        return t;
    }

    private String targetName(Instruction line, String keyword, String missing) {
        if (line == null) {
            throw (type != null ? type : nodeLine).error(missing + " (node " + name + ")",
                    "add " + keyword + " <name> below TYPE in node " + name);
        }
        String target = line.requireValue();
        if (target.length() > 1 && target.startsWith("`") && target.endsWith("`")) {
            target = target.substring(1, target.length() - 1);
        }
        if (!Values.isIdentifier(target)) {
            throw line.valueError(keyword + " `" + target + "` is not a valid data source name",
                    "use letters, digits and _, starting with a letter or _");
        }
        return target;
    }

    private CopyMode copyMode() {
        return CopyMode.named(copyMode.requireValue()).orElseThrow(() -> copyMode.valueError("unknown COPY_MODE `"
                + copyMode.requireValue() + "`", "expected append or replace"));
    }

    /**
     * The query: the block de-indented, without its leading blank lines. A line whose first non-blank character is
     * {@code #} is a comment that Tinybird's datafile reader drops before the template runs; it becomes an empty line
     * here, so line N of the query stays line N of the file.
     */
    private String sqlText() {
        List<Line> block = sql.block();
        int indent = block.stream().filter(NodeBuilder::isQueryLine).mapToInt(Line::indent).min().orElse(0);
        List<String> lines = block.stream()
                .map(l -> isQueryLine(l) ? l.text().substring(indent).stripTrailing() : "").toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        return String.join("\n", lines.subList(first, lines.size())).stripTrailing();
    }

    private static boolean isQueryLine(Line line) {
        return !line.isBlank() && !line.isComment();
    }

    private void warnComments(List<Warning> warnings) {
        sql.block().stream().filter(Line::isComment).findFirst().ifPresent(l -> warnings.add(new Warning(
                l.location(l.indent() + 1), "`#` comment lines in the SQL of node " + name + " are dropped before "
                + "the template runs, as Tinybird does (write SQL comments as -- or /* */)")));
    }

    private SourceLocation sqlLocation() {
        Line first = sql.block().stream().filter(NodeBuilder::isQueryLine).findFirst().orElseThrow();
        return first.location(first.indent() + 1);
    }

    private static Instruction sql(Instruction ins, Instruction next) {
        if (!ins.isBlock()) {
            throw ins.valueError("expected `>` after SQL, then the query on indented lines",
                    "write SQL > and indent the query below it");
        }
        if (ins.block().stream().noneMatch(NodeBuilder::isQueryLine)) {
            throw Keywords.emptyBlock(ins, next, "SQL line", "write the query on indented lines below SQL >");
        }
        return ins;
    }

    private static Instruction once(Instruction previous, Instruction ins) {
        if (previous != null) {
            throw ins.error(ins.keyword() + " is given twice in one node (first at line "
                    + previous.line().number() + ")", "start a new node with NODE <name>, or remove one");
        }
        return ins;
    }

    private static void misplaced(Instruction ins, String reason, String hint) {
        if (ins != null) {
            throw ins.error(reason, hint);
        }
    }
}
