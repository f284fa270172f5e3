package dev.mvlab.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 answer off the bytes as they arrive, for {@link NioLoadClient}: the status line, the headers
 * that frame the body ({@code Content-Length}, {@code Transfer-Encoding: chunked}, {@code Connection: close}), then
 * skips the body without keeping it. Interim 1xx answers are skipped. Not a general parser: it keeps no header but
 * those, and a body framed by neither length nor chunks ends when the server closes the connection.
 */
final class AnswerReader {
    /** Where the answer stands after the bytes given so far. */
    enum State { MORE, DONE, MALFORMED }

    private enum Part { HEAD, LENGTH, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, UNTIL_CLOSE, DONE }

    private final byte[] line;
    private int lineLength;
    private Part part;
    private int status;
    private boolean statusRead;
    private long length;
    private boolean chunked;
    private boolean closes;
    private long left;
    private String problem;

    /** @param maxLine the longest status, header or chunk-size line accepted */
    AnswerReader(int maxLine) {
        this.line = new byte[maxLine];
        reset();
    }

    /** Ready for the next answer on the connection. */
    void reset() {
        part = Part.HEAD;
        lineLength = 0;
        status = 0;
        statusRead = false;
        length = -1;
        chunked = false;
        closes = false;
        left = 0;
        problem = null;
    }

    int status() {
        return status;
    }

    /** The answer said {@code Connection: close}: the server closes the connection after it. */
    boolean closes() {
        return closes;
    }

    /** The body runs until the server closes the connection (no length, not chunked). */
    boolean endsAtClose() {
        return part == Part.UNTIL_CLOSE;
    }

    String problem() {
        return problem;
    }

    /** Takes the bytes of {@code in} that belong to this answer (all of them unless it ends within them). */
    State consume(ByteBuffer in) {
        while (in.hasRemaining()) {
            switch (part) {
                case HEAD, CHUNK_SIZE, TRAILER -> {
                    if (!readLine(in)) {
                        if (problem != null) {
                            return State.MALFORMED;
                        }
                        continue;
                    }
                    String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
                    lineLength = 0;
                    State state = switch (part) {
                        case HEAD -> headLine(text);
                        case CHUNK_SIZE -> chunkSize(text);
                        default -> text.isEmpty() ? done() : State.MORE;
                    };
                    if (state != State.MORE) {
                        return state;
                    }
                }
                case LENGTH, CHUNK_DATA, CHUNK_END -> {
                    int skip = (int) Math.min(left, in.remaining());
                    in.position(in.position() + skip);
                    left -= skip;
                    if (left == 0) {
                        if (part == Part.LENGTH) {
                            return done();
                        }
                        if (part == Part.CHUNK_DATA) {
                            part = Part.CHUNK_END;
                            left = 2;
                        } else {
                            part = Part.CHUNK_SIZE;
                        }
                    }
                }
                case UNTIL_CLOSE -> in.position(in.limit());
                case DONE -> {
                    return State.DONE;
                }
            }
        }
        return part != Part.DONE ? State.MORE : problem != null ? State.MALFORMED : State.DONE;
    }

    /** Adds bytes to the current line up to its LF; true once the line (without CR LF) is complete. */
    private boolean readLine(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == line.length) {
                lineLength = 0;
                problem = "a line longer than " + line.length + " bytes";
                part = Part.DONE;
                return false;
            }
            line[lineLength++] = b;
        }
        return false;
    }

    private State headLine(String text) {
        if (!statusRead) {
            // HTTP/1.1 200 OK
            if (!text.startsWith("HTTP/1.") || text.length() < 12 || text.charAt(8) != ' ') {
                return malformed("status line '" + shorten(text) + "'");
            }
            try {
                status = Integer.parseInt(text.substring(9, 12));
            } catch (NumberFormatException e) {
                return malformed("status line '" + shorten(text) + "'");
            }
            statusRead = true;
            closes = text.startsWith("HTTP/1.0");
            return State.MORE;
        }
        if (!text.isEmpty()) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return malformed("header line '" + shorten(text) + "'");
            }
            String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return malformed("Content-Length '" + shorten(value) + "'");
                    }
                }
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> closes = value.contains("close") || (closes && !value.contains("keep-alive"));
                default -> {
                    // not needed to frame the answer
                }
            }
            return State.MORE;
        }
        // the empty line: the body follows
        if (status >= 100 && status < 200) {
            reset(); // an interim answer: the real one follows
            return State.MORE;
        }
        if (status == 204 || status == 304) {
            return done();
        }
        if (chunked) {
            part = Part.CHUNK_SIZE;
        } else if (length >= 0) {
            left = length;
            part = Part.LENGTH;
            return length == 0 ? done() : State.MORE;
        } else {
            part = Part.UNTIL_CLOSE;
        }
        return State.MORE;
    }

    private State chunkSize(String text) {
        int end = text.indexOf(';');
        String hex = (end < 0 ? text : text.substring(0, end)).trim();
        long size;
        try {
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            return malformed("chunk size '" + shorten(text) + "'");
        }
        if (size == 0) {
            part = Part.TRAILER;
        } else {
            left = size;
            part = Part.CHUNK_DATA;
        }
        return State.MORE;
    }

    private State done() {
        part = Part.DONE;
        return State.DONE;
    }

    private State malformed(String what) {
        problem = what;
        part = Part.DONE;
        return State.MALFORMED;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
