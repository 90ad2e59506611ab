package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.server.GateServer;
import vn.bordergate.server.ServerOptions;
import vn.bordergate.server.persistence.PlateReadEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.TableLock;
import vn.bordergate.server.support.TestGate;

/**
 * A server stopped while a batch of plate reads is being written: the plate-read writer is closed before
 * Jetty and the database stop, so a read arriving during the stop is refused 503 (the camera sends it again)
 * and the read being written is still committed, answered, and there after a restart. The batch is held in
 * flight for certain by a table lock on plate_read, released only once the stopping server refused a read.
 */
class PlateReadShutdownTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aReadArrivingDuringTheStopGets503AndTheReadBeingWrittenIsAnsweredAndSurvivesARestart() throws Exception {
        TestGate gate = TestGate.start(Clock.systemUTC());
        Transactions tx = gate.server().services().tx;
        Logger mapper = (Logger) LoggerFactory.getLogger("vn.bordergate.server.web.ApiExceptionMapper");
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        failures.start();
        mapper.addAppender(failures);
        CompletableFuture<PlateReadDto> inFlight;
        CompletableFuture<Void> stopped;
        List<String> beforeRefusal = new ArrayList<>();
        Integer refusal = null;
        gate.server().awaitDemoDay(); // a quiet server: only this test's reads are written
        GateClient camera = gate.as("camera");
        camera.postPlateRead(read()); // statements compiled, the writer started
        try (TableLock lock = TableLock.hold(tx, "plate_read", threads)) {
            inFlight = CompletableFuture.supplyAsync(() -> camera.postPlateRead(read()), threads);
            await(() -> TableLock.waits(tx, "PLATE_READ") >= 1, "the read never waited for the plate_read lock");

            stopped = CompletableFuture.runAsync(gate::close, threads);
            // patient for the answer that counts, quick to give up on one that was queued before the stop
            GateClient impatient = new GateClient(gate.uri(), null, Duration.ofSeconds(2)).withToken(camera.token());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (refusal == null && System.nanoTime() < deadline) {
                try {
                    impatient.postPlateRead(read());
                    beforeRefusal.add("written");
                } catch (GateApiException e) {
                    refusal = e.status();
                } catch (RuntimeException e) { // no answer: timed out, or nobody listening any more
                    beforeRefusal.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                Thread.sleep(50);
            }
            assertThat(inFlight)
                    .as("the read being written while the server stops")
                    .isNotDone();
        }
        PlateReadDto answered = inFlight.get(60, TimeUnit.SECONDS);
        stopped.get(60, TimeUnit.SECONDS);
        mapper.detachAppender(failures);
        assertThat(refusal)
                .as("a read sent while the server stops (tries before: %s)", beforeRefusal)
                .isEqualTo(503);
        assertThat(failures.list)
                .as("unexpected failures (500) logged by the server")
                .noneMatch(e -> e.getLevel() == Level.ERROR);

        try (GateServer again = GateServer.start(ServerOptions.embedded(gate.dataDir(), true), Clock.systemUTC())) {
            PlateReadEntity stored =
                    again.services().tx.read(session -> session.find(PlateReadEntity.class, answered.id()));
            assertThat(stored).as("the answered read after a restart").isNotNull();
            assertThat(stored.getRawText()).isEqualTo(answered.text());
        }
    }

    private static NewPlateReadRequest read() {
        return new NewPlateReadRequest("CAM-L1", null, TestGate.uniqueVietnamesePlate(), 0.9, null);
    }

    static void await(java.util.function.BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(failure).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
