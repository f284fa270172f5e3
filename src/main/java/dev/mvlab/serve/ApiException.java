package dev.mvlab.serve;

/** A request the API refuses: the HTTP status and the message that goes into Tinybird's {@code {"error": ...}}. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final boolean rawBody;

    public ApiException(int status, String message) {
        this(status, message, false);
    }

    /** With {@code rawBody}, the message is the whole JSON body (a template's custom_error()). */
    public ApiException(int status, String message, boolean rawBody) {
        super(message);
        this.status = status;
        this.rawBody = rawBody;
    }

    public boolean rawBody() {
        return rawBody;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
