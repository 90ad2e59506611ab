package vn.bordergate.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;

/**
 * A test's own server stopped in the background while the test sends one kind of request once the stop has closed the
 * writer for it, which refuses it. Closing it stops the server if the test never got that far, so a failing test
 * leaves no server or open Derby files behind.
 */
public final class StoppingGate implements AutoCloseable {
    /**
     * A request sent once the writer is closed is refused at once, so it is answered long before the 10 s the server's
     * close waits for a batch held in flight; the client may still wait this long for a starved server's answer.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestGate gate;
    private final ExecutorService thread;
    private final List<String> triesBeforeRefusal = new ArrayList<>();
    private CompletableFuture<Void> stopped;

    public StoppingGate(TestGate gate, ExecutorService thread) {
        this.gate = gate;
        this.thread = thread;
    }

    /**
     * Starts stopping the server, waits until the stop has closed the writer ({@code writerClosed}), then sends
     * {@code request} once as {@code token}'s user. Waiting on the writer, not a clock, keeps a starved stop from
     * turning into a missing refusal.
     *
     * @return the refusal (its status and the server's words: a writer's own 503 says what it refused, Jetty's
     *     graceful stop also answers 503), or null when the request was accepted or got no answer
     */
    public GateApiException stopAndSendOnceWriterClosed(
            String token, BooleanSupplier writerClosed, Consumer<GateClient> request) throws InterruptedException {
        GateClient client = new GateClient(gate.uri(), null, PATIENCE).withToken(token);
        stopped = CompletableFuture.runAsync(gate::close, thread);
        Await.until(writerClosed, "the stop never closed the writer");
        try {
            request.accept(client);
            triesBeforeRefusal.add("accepted");
        } catch (GateApiException e) {
            return e;
        } catch (RuntimeException e) { // no answer: timed out, or nobody listening any more
            triesBeforeRefusal.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return null;
    }

    /** What the request got when it was not refused, for a failure message. */
    public List<String> triesBeforeRefusal() {
        return triesBeforeRefusal;
    }

    /**
     * The refusal came, and from the closed writer itself ("too busy to record {@code what}"), not Jetty's 503 of a
     * stopping server: the stop closed the writer before Jetty.
     */
    public void assertRefusedByClosedWriter(GateApiException refusal, String what) {
        assertThat(refusal)
                .as("a request sent while the server stops (got instead: %s)", triesBeforeRefusal)
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
