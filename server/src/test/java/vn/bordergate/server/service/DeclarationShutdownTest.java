package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.GateServer;
import vn.bordergate.server.ServerOptions;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.Await;
import vn.bordergate.server.support.StoppingGate;
import vn.bordergate.server.support.TableLock;
import vn.bordergate.server.support.TestGate;

/**
 * A server stopped while enterprises are declaring: a declaration in flight is either answered 201 (and is
 * there after a restart) or refused 503, never a 500.
 */
class DeclarationShutdownTest {
    /**
     * Six clients declaring without pause while the server stops: every refusal is a 503, the server logs no
     * unexpected failure, and every declaration answered 201 is there after a restart. The stop seldom catches
     * a batch mid-write, so this passes without closing the declaration writer too: the next case holds one
     * there for certain.
     */
    @Test
    void declarationsInFlightAtShutdownAreWrittenOrRefused503AndTheWrittenOnesSurviveARestart() throws Exception {
        TestGate gate = TestGate.start(Clock.systemUTC());
        // a 500 answered while Jetty stops may never reach its client: watch the server's own account of it
        Logger mapper = (Logger) LoggerFactory.getLogger("vn.bordergate.server.web.ApiExceptionMapper");
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        failures.start();
        mapper.addAppender(failures);
        GateClient enterprise = gate.as("enterprise");
        List<DeclarationDto> written = new CopyOnWriteArrayList<>();
        List<Integer> refused = new CopyOnWriteArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        boolean closed = false;
        try {
            for (int c = 0; c < 6; c++) {
                clients.submit(() -> {
                    while (true) {
                        try {
                            written.add(enterprise.submitDeclaration(
                                    TestGate.declaration(
                                            TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.NONE),
                                    "shutdown-" + UUID.randomUUID()));
                        } catch (GateApiException e) {
                            refused.add(e.status());
                            if (stopping.get()) {
                                return;
                            }
                        } catch (RuntimeException e) { // Jetty gone: no answer at all, not an error answer
                            if (stopping.get()) {
                                return;
                            }
                            throw e;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (written.size() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(written).as("declarations written before the stop").hasSizeGreaterThanOrEqualTo(20);
            stopping.set(true);
            gate.close();
            closed = true;
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            clients.shutdownNow();
            if (!closed) {
                gate.close();
            }
        }
        mapper.detachAppender(failures);
        assertThat(refused).as("refusals (HTTP status)").allMatch(status -> status == 503);
        assertThat(failures.list)
                .as("unexpected failures (500) logged by the server")
                .noneMatch(e -> e.getLevel() == Level.ERROR);

        long started = System.nanoTime();
        try (GateServer again = GateServer.start(ServerOptions.embedded(gate.dataDir(), true), Clock.systemUTC())) {
            GateClient client =
                    TestGate.loggedIn(again.uri(), "enterprise", Duration.ofNanos(System.nanoTime() - started));
            for (DeclarationDto answer : written) {
                assertThat(client.declaration(answer.id()).code()).isEqualTo(answer.code());
            }
        }
    }

    /**
     * The same for certain, with one declaration held in its batch by a lock on audit_entry (it can't commit
     * before its audit entry is inserted) while the server stops: a declaration sent during the stop is refused
     * 503, and the held one is committed, answered 201 and there after a restart. Without closing the
     * declaration writer before Jetty stops, the held one loses its connection.
     */
    @Test
    void aDeclarationBeingWrittenWhenTheServerStopsIsAnsweredAndOneSentDuringTheStopGets503() throws Exception {
        TestGate gate = TestGate.start(Clock.systemUTC());
        Transactions tx = gate.server().services().tx;
        ExecutorService threads = Executors.newCachedThreadPool();
        CompletableFuture<DeclarationDto> inFlight;
        GateApiException refusal;
        DeclarationDto answered;
        try (StoppingGate stopping = new StoppingGate(gate, threads)) {
            gate.server().awaitDemoDay(); // a quiet server: only this test's declarations are written
            GateClient enterprise = gate.as("enterprise");
            gate.declare(); // statements compiled, a writer started
            // patient: it is held through the stop until the lock goes
            GateClient held = new GateClient(gate.uri(), null, Duration.ofSeconds(60)).withToken(enterprise.token());
            try (TableLock lock = TableLock.hold(tx, "audit_entry", threads)) {
                inFlight = CompletableFuture.supplyAsync(
                        () -> held.submitDeclaration(request(), "held-" + UUID.randomUUID()), threads);
                // taken by a writer (not still queued, which the stop would answer 503): it can't commit now
                var writer = gate.server().services().declarations.batches();
                Await.until(
                        () -> writer.writing() >= 1 && writer.queued() == 0 && TableLock.waits(tx, "AUDIT_ENTRY") >= 1,
                        "no writer took the declaration");
                refusal = stopping.stopAndSendOnceWriterClosed(
                        enterprise.token(),
                        writer::isClosed,
                        impatient -> impatient.submitDeclaration(request(), "during-" + UUID.randomUUID()));
                assertThat(inFlight)
                        .as("the declaration being written while the server stops")
                        .isNotDone();
            }
            stopping.assertRefusedByClosedWriter(refusal, "declarations");
            answered = inFlight.get(60, TimeUnit.SECONDS);
            stopping.awaitStopped();
        } finally {
            threads.shutdownNow();
        }
        long started = System.nanoTime();
        try (GateServer again = GateServer.start(ServerOptions.embedded(gate.dataDir(), true), Clock.systemUTC())) {
            GateClient client =
                    TestGate.loggedIn(again.uri(), "enterprise", Duration.ofNanos(System.nanoTime() - started));
            assertThat(client.declaration(answered.id()).code()).isEqualTo(answered.code());
        }
    }

    private static vn.bordergate.common.dto.DeclarationRequest request() {
        return TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.NONE);
    }
}
