package vn.bordergate.server.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Many workstations subscribed to {@code /api/events}: each frame's fan-out latency is its receive time
 * minus the {@code sentAt} the server stamped in the envelope (same host, same clock); a frame holding
 * an array of envelopes counts each. The time is cut out of the frame text instead of parsing the JSON,
 * so that 500 listeners cost the load generator as little as possible. "frames" in the report are
 * envelopes received (events × listeners).
 */
final class EventListeners implements AutoCloseable {
    private static final String SENT_AT = "\"sentAt\":\"";

    private final List<WebSocket> sockets = new ArrayList<>();
    private final Recorder fanOut = new Recorder(3);
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();

    static EventListeners connect(URI base, String token, int count) {
        EventListeners listeners = new EventListeners();
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + "/api/events?batch=1");
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(client.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri, listeners.new Frames())
                    .toCompletableFuture());
            if (pending.size() >= 50) {
                pending.forEach(f ->
                        listeners.sockets.add(f.orTimeout(60, TimeUnit.SECONDS).join()));
                pending.clear();
            }
        }
        pending.forEach(
                f -> listeners.sockets.add(f.orTimeout(60, TimeUnit.SECONDS).join()));
        return listeners;
    }

    int size() {
        return sockets.size();
    }

    long closedByServer() {
        return closedByServer.get();
    }

    /** The fan-out latencies (µs) and frame count since the previous call. */
    Interval interval() {
        return new Interval(frames.getAndSet(0), messages.getAndSet(0), fanOut.getIntervalHistogram());
    }

    /** {@code frames}: envelopes received by all listeners; {@code messages}: WebSocket messages carrying them. */
    record Interval(long frames, long messages, Histogram latencyMicros) {
        String line(String name, double seconds) {
            Histogram h = latencyMicros;
            return String.format(
                    "%-34s %9.0f frames/s to all  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %8.2f ms  frames %d"
                            + " in %d messages",
                    name,
                    frames / seconds,
                    h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(95) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0,
                    h.getMaxValue() / 1000.0,
                    frames,
                    messages);
        }
    }

    private final class Frames implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
            } else {
                CharSequence frame = data;
                if (partial.length() > 0) {
                    frame = partial.append(data).toString();
                    partial.setLength(0);
                }
                record(frame.toString());
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer.incrementAndGet();
            return null;
        }
    }

    /** Every envelope of the frame (one, or an array the server joined while this socket was busy). */
    private void record(String frame) {
        long now = nowMicros();
        messages.incrementAndGet();
        int at = frame.indexOf(SENT_AT);
        while (at >= 0) {
            int from = at + SENT_AT.length();
            int end = frame.indexOf('"', from);
            Instant sent = Instant.parse(frame.substring(from, end));
            long sentMicros = sent.getEpochSecond() * 1_000_000 + sent.getNano() / 1000;
            fanOut.recordValue(Math.max(1, now - sentMicros));
            frames.incrementAndGet();
            at = frame.indexOf(SENT_AT, end);
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    @Override
    public void close() {
        for (WebSocket socket : sockets) {
            socket.abort();
        }
    }
}
