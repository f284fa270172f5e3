package dev.mvlab.datafile;

import dev.mvlab.errors.ExitCode;
import dev.mvlab.errors.MvlabException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file of the project (a datafile by {@code fmt}, a test file by {@code test --update}) with new text:
 * written to a temporary file in the same folder, then moved over the file, so a failure leaves the file as it was.
 */
public final class AtomicFileReplace {
    private AtomicFileReplace() {
    }

    public static void replace(Path file, String text) {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + file.getFileName(), ".new");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
            } catch (UnsupportedOperationException | IOException e) {
                // a file system without POSIX permissions: the temporary file's defaults
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new MvlabException(ExitCode.DATAFILE, file + ": cannot write (" + e.getMessage()
                    + "); the file is left as it was", "check the folder's permissions and free space");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // nothing more to do: the original is untouched
                }
            }
        }
    }
}
