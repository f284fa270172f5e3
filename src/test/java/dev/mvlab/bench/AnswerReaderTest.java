package dev.mvlab.bench;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer reader frames answers however their bytes are cut, and refuses what is not HTTP. */
class AnswerReaderTest {
    private static AnswerReader.State feedByteByByte(AnswerReader reader, String bytes) {
        AnswerReader.State state = AnswerReader.State.MORE;
        byte[] all = bytes.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < all.length && state == AnswerReader.State.MORE; i++) {
            state = reader.consume(ByteBuffer.wrap(all, i, 1));
        }
        return state;
    }

    @Test
    void chunksWithExtensionsAndTrailersEndWhereTheAnswerEnds() {
        AnswerReader reader = new AnswerReader(1024);
        String answer = "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5;x=1\r\nhello\r\n10\r\n0123456789abcdef\r\n0\r\nX-Trailer: 1\r\n\r\n";
        assertThat(feedByteByByte(reader, answer)).isEqualTo(AnswerReader.State.DONE);
        assertThat(reader.status()).isEqualTo(503);
        assertThat(reader.closes()).isTrue();

        ByteBuffer twoAnswers = ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
                + "HTTP/1.1 404 Not Found\r\n").getBytes(StandardCharsets.ISO_8859_1));
        reader.reset();
        assertThat(reader.consume(twoAnswers)).isEqualTo(AnswerReader.State.DONE);
        assertThat(reader.status()).isEqualTo(200);
        assertThat(reader.closes()).isFalse();
        assertThat(twoAnswers.remaining()).isEqualTo("HTTP/1.1 404 Not Found\r\n".length()); // not taken
    }

    @Test
    void aBodyWithoutFramingRunsUntilTheServerCloses() {
        AnswerReader reader = new AnswerReader(1024);
        assertThat(feedByteByByte(reader, "HTTP/1.0 200 OK\r\n\r\nsome body")).isEqualTo(AnswerReader.State.MORE);
        assertThat(reader.endsAtClose()).isTrue();
    }

    @Test
    void whatIsNotAnHttpAnswerIsMalformed() {
        assertThat(feedByteByByte(new AnswerReader(1024), "SSH-2.0-OpenSSH\r\n")).isEqualTo(
                AnswerReader.State.MALFORMED);
        assertThat(feedByteByByte(new AnswerReader(1024), "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"))
                .isEqualTo(AnswerReader.State.MALFORMED);
        assertThat(feedByteByByte(new AnswerReader(16), "HTTP/1.1 200 OK but far too long\r\n")).isEqualTo(
                AnswerReader.State.MALFORMED);
    }
}
