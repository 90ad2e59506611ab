package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.GateServer;
import vn.bordergate.server.ServerOptions;
import vn.bordergate.server.persistence.PlateReadEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.Await;
import vn.bordergate.server.support.StoppingGate;
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
        PlateReadDto answered = stopWhileHeld(gate, TestGate.uniqueVietnamesePlate());
        try (GateServer again = GateServer.start(ServerOptions.embedded(gate.dataDir(), true), Clock.systemUTC())) {
            PlateReadEntity stored =
                    again.services().tx.read(session -> session.find(PlateReadEntity.class, answered.id()));
            assertThat(stored).as("the answered read after a restart").isNotNull();
            assertThat(stored.getRawText()).isEqualTo(answered.text());
        }
    }

    /**
     * The held read matches an accepted declaration, so after its commit the request still records the
     * truck's arrival (its own transactions) before it answers: Jetty stops gracefully, so that work is done
     * and answered before the connection and the database close.
     */
    @Test
    void aMatchedReadBeingWrittenStillRecordsTheArrivalAndIsAnswered() throws Exception {
        TestGate gate = TestGate.start(Clock.systemUTC());
        DeclarationDto declared;
        String plate;
        try {
            declared = gate.declare();
            gate.pass(declared.crossingId(), Step.DECLARATION);
            plate = gate.as("customs").crossing(declared.crossingId()).tractorPlate();
        } catch (RuntimeException | Error e) {
            gate.close();
            throw e;
        }
        PlateReadDto answered = stopWhileHeld(gate, plate);
        assertThat(answered.matchStatus()).isEqualTo(MatchStatus.MATCHED);
        try (GateServer again = GateServer.start(ServerOptions.embedded(gate.dataDir(), true), Clock.systemUTC())) {
            StepState arrival = again.services().tx.read(session -> session.createSelectionQuery(
                            "select state from CrossingStepEntity where crossing.id = :id and step = :step",
                            StepState.class)
                    .setParameter("id", declared.crossingId())
                    .setParameter("step", Step.TRANSPORT)
                    .getSingleResult());
            assertThat(arrival)
                    .as("the arrival of the matched read, after a restart")
                    .isEqualTo(StepState.PASSED);
        }
    }

    /**
     * Holds a read of {@code plate} in its batch on a plate_read lock, stops the server, expects 503 for a read
     * sent meanwhile, releases the lock; returns the held read's answer once the server has stopped.
     */
    private PlateReadDto stopWhileHeld(TestGate gate, String plate) throws Exception {
        Transactions tx = gate.server().services().tx;
        Logger mapper = (Logger) LoggerFactory.getLogger("vn.bordergate.server.web.ApiExceptionMapper");
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        failures.start();
        mapper.addAppender(failures);
        CompletableFuture<PlateReadDto> inFlight;
        GateApiException refusal;
        try (StoppingGate stopping = new StoppingGate(gate, threads)) {
            gate.server().awaitDemoDay(); // a quiet server: only this test's reads are written
            GateClient camera = gate.as("camera");
            camera.anpr().postPlateRead(read(TestGate.uniqueVietnamesePlate())); // statements compiled, writer started
            // patient: it is held through the stop until the lock goes
            GateClient held = new GateClient(gate.uri(), null, Duration.ofSeconds(60)).withToken(camera.token());
            try (TableLock lock = TableLock.hold(tx, "plate_read", threads)) {
                inFlight = CompletableFuture.supplyAsync(() -> held.anpr().postPlateRead(read(plate)), threads);
                Await.until(() -> TableLock.waits(tx, "PLATE_READ") >= 1, "the read never waited for the lock");
                refusal = stopping.stopAndSendOnceWriterClosed(
                        camera.token(),
                        gate.server().services().plateReads::isClosed,
                        impatient -> impatient.anpr().postPlateRead(read(TestGate.uniqueVietnamesePlate())));
                assertThat(inFlight)
                        .as("the read being written while the server stops")
                        .isNotDone();
            }
            stopping.assertRefusedByClosedWriter(refusal, "plate reads");
            PlateReadDto answered = inFlight.get(60, TimeUnit.SECONDS);
            stopping.awaitStopped();
            assertThat(failures.list)
                    .as("unexpected failures (500) logged by the server")
                    .noneMatch(e -> e.getLevel() == Level.ERROR);
            return answered;
        } finally {
            mapper.detachAppender(failures);
        }
    }

    private static NewPlateReadRequest read(String plate) {
        return new NewPlateReadRequest("CAM-L1", null, plate, 0.9, null);
    }
}
