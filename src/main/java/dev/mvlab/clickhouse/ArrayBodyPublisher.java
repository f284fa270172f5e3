package dev.mvlab.clickhouse;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A request body over a byte array without copying it (the JDK's {@code ofByteArray} copies every byte into fresh
 * buffers): read-only slices of the array, handed out as the HTTP client asks for them. The array must not change
 * until the response has arrived, which holds for a batch buffer until its insert returns (and for the relay's
 * request body until chDB has answered).
 */
public final class ArrayBodyPublisher implements Flow.Publisher<ByteBuffer> {
    private static final int SLICE = 256 * 1024;
    private final List<ByteBuffer> slices = new ArrayList<>();

    private ArrayBodyPublisher(byte[] bytes, int length) {
        for (int offset = 0; offset < length; offset += SLICE) {
            slices.add(ByteBuffer.wrap(bytes, offset, Math.min(SLICE, length - offset)).slice().asReadOnlyBuffer());
        }
    }

    public static HttpRequest.BodyPublisher of(byte[] bytes, int length) {
        return HttpRequest.BodyPublishers.fromPublisher(new ArrayBodyPublisher(bytes, length), length);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Flow.Subscription() {
            private int next;
            private long demand;
            private boolean emitting;
            private boolean finished;

            @Override
            public synchronized void request(long n) {
                if (n <= 0 || finished) {
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                if (emitting) {
                    return; // a request from inside onNext: the loop below serves it
                }
                emitting = true;
                while (demand > 0 && next < slices.size() && !finished) {
                    demand--;
                    subscriber.onNext(slices.get(next++).duplicate());
                }
                emitting = false;
                if (next == slices.size() && !finished) {
                    finished = true;
                    subscriber.onComplete();
                }
            }

            @Override
            public synchronized void cancel() {
                finished = true;
            }
        });
    }
}
