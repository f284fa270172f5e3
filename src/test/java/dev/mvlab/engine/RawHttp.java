package dev.mvlab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Exactly the bytes a client sends to the relay, over a real socket; the answer's status and body. */
final class RawHttp {
    record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** A POST of {@code body} to {@code target} (path and query string, already encoded) with extra header lines. */
    static Answer post(int port, String target, String headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Content-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    static Answer get(int port, String target, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            return read(socket.getInputStream());
        }
    }

    static Answer read(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int status = Integer.parseInt(text.substring(9, 12));
        String body = text.substring(text.indexOf("\r\n\r\n") + 4);
        if (text.toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder plain = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int end = chunked.indexOf("\r\n", at);
            if (end < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, end).strip(), 16);
            if (size == 0) {
                break;
            }
            plain.append(chunked, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
        return plain.toString();
    }
}
