package vn.bordergate.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;

/**
 * A test's own server stopped in the background while the test keeps sending one kind of request, until the
 * stopping server refuses one. Closing it stops the server if the test never got that far, so a failing test
 * leaves no server or open Derby files behind.
 */
public final class StoppingGate implements AutoCloseable {
    /**
     * Clearly shorter than the 10 s the server's close waits for a batch held in flight: the test releases its
     * lock once refused, and must do so before the server gives up on that batch.
     */
    private static final Duration REFUSAL_WITHIN = Duration.ofSeconds(5);

    private final TestGate gate;
    private final ExecutorService thread;
    private final List<String> triesBeforeRefusal = new ArrayList<>();
    private CompletableFuture<Void> stopped;

    public StoppingGate(TestGate gate, ExecutorService thread) {
        this.gate = gate;
        this.thread = thread;
    }

    /**
     * Starts stopping the server, then sends {@code request} as {@code token}'s user until one is refused: a
     * client that gives up after 2 s, since one queued before the stop may wait as long as the held batch.
     *
     * @return the refusal (its status and the server's words: a writer's own 503 says what it refused, Jetty's
     *     graceful stop also answers 503), or null when none came within 5 s
     */
    public GateApiException stopAndSendUntilRefused(String token, Consumer<GateClient> request)
            throws InterruptedException {
        GateClient impatient = new GateClient(gate.uri(), null, Duration.ofSeconds(2)).withToken(token);
        stopped = CompletableFuture.runAsync(gate::close, thread);
        long deadline = System.nanoTime() + REFUSAL_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                request.accept(impatient);
                triesBeforeRefusal.add("accepted");
            } catch (GateApiException e) {
                return e;
            } catch (RuntimeException e) { // no answer: timed out, or nobody listening any more
                triesBeforeRefusal.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** What the requests sent before the refusal got, for a failure message. */
    public List<String> triesBeforeRefusal() {
        return triesBeforeRefusal;
    }

    /**
     * The refusal came, and from the closed writer itself ("too busy to record {@code what}"), not Jetty's 503 of a
     * stopping server: the stop closed the writer before Jetty.
     */
    public void assertRefusedByClosedWriter(GateApiException refusal, String what) {
        assertThat(refusal)
                .as("a request sent while the server stops (tries before: %s)", triesBeforeRefusal)
                .isNotNull();
        assertThat(refusal.status()).isEqualTo(503);
        assertThat(refusal.error().message()).contains("too busy to record " + what);
    }

    /** Waits until the server has stopped (its close returned). */
    public void awaitStopped() throws Exception {
        stopped.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (stopped == null) {
            gate.close();
        } else {
            awaitStopped();
        }
    }
}
