package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.server.support.EventSubscribers;
import vn.bordergate.server.support.TestGate;

/**
 * The stall rule on its own. Fewer events than {@link EventSocket#MAX_IN_FLIGHT} are published, so the event bound
 * can drop nobody; they are large (about 8 KB), so every client that lags passes {@link
 * EventSocket#MAX_BUFFERED_BYTES}. A client that never reads must then be dropped (only the stall rule can), while
 * one that reads slowly but steadily, and lags past the byte bound for seconds, must be kept and get every event,
 * as must the healthy ones beside them.
 */
class StalledEventSocketTest {
    private static final int EVENTS = 1500;
    private static final int HEALTHY = 2;

    private static TestGate gate;

    @BeforeAll
    static void start() throws InterruptedException {
        gate = TestGate.start(Clock.systemUTC());
        // the demo day's own events, seeded in the background, would count towards the event bound
        gate.server().awaitDemoDay();
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void aClientThatTakesNothingIsDroppedAndASlowSteadyOneIsKept() throws Exception {
        assertThat(EVENTS).as("under the event bound").isLessThan(EventSocket.MAX_IN_FLIGHT);
        String token = gate.as("customs").token();
        AtomicInteger published = new AtomicInteger();
        Reader slow = new Reader(40, published);
        List<Reader> readers = new ArrayList<>(List.of(slow));
        for (int i = 0; i < HEALTHY; i++) {
            readers.add(new Reader(0, published));
        }
        List<WebSocket> sockets = new ArrayList<>();
        for (Reader reader : readers) {
            // a client of its own: the slow reader sleeps in its listener, which must not hold up the others' I/O
            sockets.add(HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + gate.uri().getPort() + "/api/events"), reader)
                    .get(30, TimeUnit.SECONDS));
        }
        Socket stalled = EventSubscribers.stalledClient(gate, token, 4096);
        assertThat(EventSubscribers.awaitSubscribers(gate, readers.size() + 1))
                .as("all subscribed")
                .isTrue();

        // about 8 KB a frame: the byte bound is some 250 events, far under the event bound
        List<MatchCandidateDto> candidates = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            candidates.add(new MatchCandidateDto(i, "36LD-" + (100 + i) + ".00", 1.0));
        }
        // spread over half as long again as the stall window, so the rule is judged while events still come
        long pauseMillis = TimeUnit.NANOSECONDS.toMillis(StallWatch.STALL_NANOS) * 3 / 2 / EVENTS;
        int publishedWhenDropped = -1;
        long slowestLag = 0;
        for (int i = 0; i < EVENTS; i++) {
            Thread.sleep(pauseMillis);
            for (Reader reader : readers) {
                assertThat(reader.closed)
                        .as("reader (%d ms a frame) closed after %d events published", reader.pauseMillis, i)
                        .isNull();
            }
            if (publishedWhenDropped < 0 && gate.server().eventSubscribers() == readers.size()) {
                publishedWhenDropped = i;
            }
            slowestLag = Math.max(slowestLag, i - slow.received.get());
            gate.server().events().publish(EventSubscribers.plateRead(i, candidates));
            published.set(i + 1);
        }
        assertThat(publishedWhenDropped)
                .as("events published when the client that takes nothing was dropped (-1: never)")
                .isPositive();
        // the server cut the connection instead of queueing a close frame behind bytes the client never takes
        assertThat(EventSubscribers.cutByServer(stalled))
                .as("connection of the client that takes nothing closed by the server")
                .isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (readers.stream().anyMatch(r -> r.received.get() < EVENTS && r.closed == null)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (Reader reader : readers) {
            assertThat(reader.closed)
                    .as("reader (%d ms a frame) closed", reader.pauseMillis)
                    .isNull();
            assertThat(reader.received.get())
                    .as("events at a reader (%d ms a frame)", reader.pauseMillis)
                    .isEqualTo(EVENTS);
            assertThat(reader.outOfOrder.get()).as("events out of sequence").isZero();
        }
        // else the test proves nothing about the stall rule: the slow reader really lagged past the byte bound
        // (twice over, since socket buffers hold part of its lag, which the server does not count)
        assertThat(slowestLag * slow.frameBytes.get())
                .as("slow reader's worst lag in bytes (%d events)", slowestLag)
                .isGreaterThan(2 * EventSocket.MAX_BUFFERED_BYTES);
        assertThat(gate.server().eventSubscribers()).as("subscribers left").isEqualTo(readers.size());
        System.out.printf(
                "stall rule: client taking nothing dropped at %d of %d events published; slow reader lagged up to %d"
                        + " events (%d KB), kept, got all%n",
                publishedWhenDropped, EVENTS, slowestLag, slowestLag * slow.frameBytes.get() / 1024);
        stalled.close();
        sockets.forEach(WebSocket::abort);
    }

    /**
     * Reads every frame in order. A slow one pauses after each frame until it has lagged {@link #LAGGED} behind what
     * was published: it takes fewer bytes than are published, never none, then catches up. Its lag is reached however
     * load stretches the publisher's pace, instead of after a fixed number of frames that a slowed publisher may never
     * have got ahead of.
     */
    private static final class Reader extends EventSubscribers.ReadCounter {
        /** Past the byte bound twice over (the test's check), with room for frames of a little under 8 KB. */
        private static final long LAGGED = 5L * EventSocket.MAX_BUFFERED_BYTES / 2;

        final int pauseMillis;
        final AtomicLong frameBytes = new AtomicLong();
        private final AtomicInteger published;
        private volatile boolean lagged;

        Reader(int pauseMillis, AtomicInteger published) {
            this.pauseMillis = pauseMillis;
            this.published = published;
        }

        @Override
        protected void reading(JsonNode envelope, String frame) {
            frameBytes.accumulateAndGet(frame.length(), Math::max);
        }

        @Override
        protected void frameDone() {
            lagged = lagged || (published.get() - received.get()) * frameBytes.get() > LAGGED;
            if (pauseMillis > 0 && !lagged) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
