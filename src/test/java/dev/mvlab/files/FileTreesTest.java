package dev.mvlab.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileTreesTest {
    @TempDir
    Path temp;

    @Test
    void aFolderGoesWithEverythingUnderItAndItsNeighbourStays() throws IOException {
        Path scratch = temp.resolve("scratch");
        Files.createDirectories(scratch.resolve("a/b/c"));
        Files.writeString(scratch.resolve("a/b/c/deep.txt"), "x");
        Files.writeString(scratch.resolve("top.txt"), "y");
        Files.writeString(temp.resolve("neighbour.txt"), "kept");

        FileTrees.deleteQuietly(scratch);

        assertThat(scratch).doesNotExist();
        assertThat(temp.resolve("neighbour.txt")).hasContent("kept");
    }

    @Test
    void aMissingFolderIsNothingToDo() {
        FileTrees.deleteQuietly(temp.resolve("never-made"));
        assertThat(temp).exists();
    }
}
