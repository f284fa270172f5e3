package dev.mvlab.datafileformat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvlab.datafile.AtomicFileReplace;
import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code mvlab fmt}: formats .datasource and .pipe files with {@link DatafileFormatter}. A file is parsed before and
 * after; a file that does not parse, or whose formatted text would parse to another model, is left as it is (an
 * error). A changed file is written to a temporary file beside it and moved over it, so a failure leaves it whole.
 */
public final class DatafileFormat {
    /** Files larger than this are not datafiles (the project reader refuses them too). */
    static final long MAX_BYTES = 1 << 20;
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", ".mvlab", "node_modules", "target", ".venv",
            "fixtures");

    /** What fmt did to one file: its formatted text differs ({@code changed}), the diff, whether it was written. */
    public record FileOutcome(Path file, boolean changed, String diff, boolean written) {
    }

    private DatafileFormat() {
    }

    /** The datafiles named, folders walked (sorted; .git, target, node_modules, fixtures and .mvlab skipped). */
    public static List<Path> datafiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(DatafileMeaning::isDatafile)
                            .filter(p -> path.relativize(p).getNameCount() < 2 || Stream.iterate(path.relativize(p)
                                    .getParent(), q -> q != null, Path::getParent).noneMatch(q -> SKIPPED_FOLDERS
                                    .contains(q.getFileName().toString())))
                            .sorted().forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new MvlabException(ExitCode.USAGE, path + ": cannot list: " + e.getMessage(), null);
                }
            } else if (!Files.exists(path)) {
                throw new MvlabException(ExitCode.USAGE, "no such file or folder: " + path,
                        "name .datasource or .pipe files, or a project folder");
            } else if (!DatafileMeaning.isDatafile(path)) {
                throw new MvlabException(ExitCode.USAGE, path + ": not a .datasource or .pipe file",
                        "fmt formats .datasource and .pipe files (tb fmt does not format .connection files either)");
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Formats one file; with {@code write}, a changed file is replaced by its formatted text. */
    public static FileOutcome format(Path file, boolean write) {
        String text = read(file);
        JsonNode before = DatafileMeaning.of(file, text);
        String formatted = DatafileFormatter.format(file.getFileName().toString(), text);
        if (formatted.equals(text)) {
            return new FileOutcome(file, false, "", false);
        }
        JsonNode after;
        try {
            after = DatafileMeaning.of(file, formatted);
        } catch (MvlabException e) {
            after = null;
        }
        if (!before.equals(after)) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": formatting would change what the file defines; "
                    + "the file is left as it is", "this is a bug of mvlab fmt: please report it with the file");
        }
        String diff = UnifiedDiff.of(file.toString(), text, formatted);
        if (write) {
            AtomicFileReplace.replace(file, formatted);
        }
        return new FileOutcome(file, true, diff, write);
    }

    private static String read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new MvlabException(ExitCode.DATAFILE, file + ": not a regular file of at most 1 MiB",
                        "fmt reads datafiles only");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": not UTF-8 text", "save the file as UTF-8");
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": cannot read: " + e.getMessage(), null);
        }
    }
}
