package vn.bordergate.workstation.feeds;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One camera's live preview ({@code GET /api/cameras/preview/{code}}), read as it arrives.
 *
 * <p>Why not the one executor: a preview never ends, so reading it with a blocking stream would hold
 * one of {@code BackgroundWork}'s three threads per tile for the whole shift and starve the server calls.
 * Instead the JDK HTTP client pushes the bytes to a {@link Flow.Subscriber} on its own delivery threads;
 * no thread waits on any stream, and the next bytes are asked for only once a part is cut (and decoded,
 * by the sink), so a slow screen slows the stream instead of piling frames up.
 */
public final class PreviewStream implements AutoCloseable {
    /** What the stream tells; called on the HTTP client's threads, never after {@link #close}. */
    public interface Sink {
        /** One JPEG frame. */
        void frame(byte[] jpeg);

        /** The stream ended or could not start; {@code why} says how in a few words. */
        void ended(String why);
    }

    /** Opens a preview; the workstation uses {@link #opener}, tests a stand-in. */
    @FunctionalInterface
    public interface Opener {
        AutoCloseable open(URI server, String token, String cameraCode, Sink sink);
    }

    private final Sink sink;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Flow.Subscription subscription;

    private PreviewStream(Sink sink) {
        this.sink = sink;
    }

    /** Opens previews with one HTTP client (its connections and threads are shared by all tiles). */
    public static Opener opener() {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return (server, token, cameraCode, sink) -> open(http, server, token, cameraCode, sink);
    }

    static PreviewStream open(HttpClient http, URI server, String token, String cameraCode, Sink sink) {
        PreviewStream stream = new PreviewStream(sink);
        HttpRequest request = HttpRequest.newBuilder(
                        server.resolve("/api/cameras/preview/" + URLEncoder.encode(cameraCode, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "multipart/x-mixed-replace")
                .GET()
                .build();
        http.sendAsync(request, stream::handle).whenComplete((response, failure) -> {
            if (failure != null) {
                stream.end(
                        failure instanceof IOException || failure.getCause() instanceof IOException
                                ? "no connection"
                                : failure.getClass().getSimpleName());
            } else if (response.statusCode() != 200) {
                stream.end("HTTP " + response.statusCode());
            } else {
                stream.end("stream ended");
            }
        });
        return stream;
    }

    private HttpResponse.BodySubscriber<Void> handle(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.discarding();
        }
        return HttpResponse.BodySubscribers.fromSubscriber(new Parts());
    }

    private void end(String why) {
        if (closed.compareAndSet(false, true)) {
            sink.ended(why);
        }
    }

    /** Stops reading; the sink hears nothing more. */
    @Override
    public void close() {
        closed.set(true);
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private final class Parts implements Flow.Subscriber<List<ByteBuffer>> {
        private final MjpegParts parts = new MjpegParts(jpeg -> {
            if (!closed.get()) {
                sink.frame(jpeg);
            }
        });

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (closed.get()) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                buffers.forEach(parts::accept);
            } catch (IllegalStateException broken) {
                subscription.cancel();
                end(broken.getMessage());
                return;
            }
            if (!closed.get()) {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            end("no connection");
        }

        @Override
        public void onComplete() {
            end("stream ended");
        }
    }
}
