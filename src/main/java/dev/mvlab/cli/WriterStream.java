package dev.mvlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** NDJSON bytes onto the command's output writer; a closed reader (as with {@code | head}) becomes an IOException. */
final class WriterStream extends OutputStream {
    private final PrintWriter writer;

    WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        writer.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
        if (writer.checkError()) {
            throw new IOException("the output is closed");
        }
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
        if (writer.checkError()) {
            throw new IOException("the output is closed");
        }
    }
}
