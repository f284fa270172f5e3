package dev.mvlab.datafile;

import dev.mvlab.model.Warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Instructions shared by .datasource and .pipe files: names, DESCRIPTION, TOKEN, TAGS, SHARED_WITH. */
final class CommonInstructions {
    private CommonInstructions() {
    }

    /**
     * The resource name from the file name, checked to be an identifier; a data source shared by another workspace
     * may be named {@code Workspace.name}.
     */
    static String nameOf(Source source, String extension, String kind) {
        String file = source.path().getFileName().toString();
        String name = file.endsWith(extension) ? file.substring(0, file.length() - extension.length()) : file;
        boolean shared = extension.equals(".datasource") && name.indexOf('.') > 0
                && Values.isIdentifier(name.substring(0, name.indexOf('.')))
                && Values.isIdentifier(name.substring(name.indexOf('.') + 1));
        if (!Values.isIdentifier(name) && !shared) {
            throw source.error(1, 1, kind + " name `" + name + "` (from the file name " + file
                            + ") is not a valid identifier",
                    "rename the file: letters, digits and _, starting with a letter or _, e.g. "
                            + suggestName(name) + extension);
        }
        return name;
    }

    private static String suggestName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    /** A DESCRIPTION's text; a second one replaces the first, with a warning. */
    static String description(Instruction instruction, String previous, String owner, List<Warning> warnings) {
        if (previous != null) {
            warnings.add(new Warning(instruction.location(),
                    "second DESCRIPTION for " + owner + " replaces the first"));
        }
        String text = instruction.text().strip();
        return text.isEmpty() ? null : text;
    }

    /** {@code TOKEN name SCOPE} as "name SCOPE"; scopes Tinybird ignores for this kind of file give a warning. */
    static String token(Instruction instruction, Set<String> scopes, String kind, List<Warning> warnings) {
        List<Values.Token> words = Values.words(instruction.line(), instruction.valueColumn());
        if (words.isEmpty()) {
            throw instruction.valueError("expected a token name after TOKEN",
                    "write TOKEN \"name\" " + String.join("|", scopes));
        }
        String name = words.get(0).text();
        if (words.size() == 1) {
            warnings.add(new Warning(instruction.location(), "TOKEN " + name + " has no scope; Tinybird reads it as READ"));
            return name + " READ";
        }
        String scope = words.get(1).text().toUpperCase(Locale.ROOT);
        if (!scopes.contains(scope) || words.size() > 2) {
            warnings.add(new Warning(instruction.location(), "TOKEN scope `" + words.get(1).text()
                    + (words.size() > 2 ? " ..." : "") + "` is ignored by Tinybird for a " + kind
                    + " (expected " + String.join(" or ", scopes.stream().sorted().toList()) + ")"));
        }
        return name + " " + scope;
    }

    static List<String> tags(Instruction instruction) {
        return Values.splitList(instruction.isBlock() ? String.join(",", instruction.blockText().split("\n"))
                : instruction.value());
    }

    /** SHARED_WITH: workspace names, on the line or in a block, separated by commas or new lines. */
    static List<String> sharedWith(Instruction instruction) {
        List<String> out = new ArrayList<>();
        for (String line : instruction.text().split("\n")) {
            out.addAll(Values.splitList(line));
        }
        return out;
    }
}
