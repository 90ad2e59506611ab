package vn.bordergate.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.BackupDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.GateServer;
import vn.bordergate.server.ServerOptions;
import vn.bordergate.server.support.TestGate;

/**
 * Acceptance: a backup taken through the real API while enterprises keep declaring trips restores into a
 * database that the gate server opens (Flyway + Hibernate schema validation at start) and that holds every
 * declaration acknowledged before the backup was asked for.
 */
class BackupUnderLoadTest {
    private static final ObjectMapper JSON = GateJson.newClientMapper();
    private static final int WRITERS = 4;
    /** The writers' and the backup's client timeout: as the login's, not the 10 s of {@link TestGate#as}. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** One acknowledged write: the server answered 201 with this declaration at {@code ackedAt}. */
    record Ack(DeclarationDto declaration, long ackedAt) {}

    @Test
    void aBackupUnderWriteLoadRestoresEveryWriteAcknowledgedBeforeIt(@TempDir Path restoredData) throws Exception {
        Queue<Ack> acks = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        BackupDto backup;
        List<Ack> before;
        long duringBackup;
        int taken = 0;
        try (TestGate gate = TestGate.start(Clock.systemUTC())) {
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                // patient: a write held a few seconds behind the backup on a loaded machine is not a failure here
                GateClient enterprise = new GateClient(gate.uri(), null, PATIENCE)
                        .withToken(gate.as(i % 2 == 0 ? "enterprise" : "enterprise2")
                                .token());
                Thread writer = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            DeclarationDto saved = enterprise.submitDeclaration(TestGate.declaration(
                                    TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT));
                            acks.add(new Ack(saved, System.nanoTime()));
                        }
                    } catch (Throwable e) {
                        writerFailure.compareAndSet(null, e);
                    }
                });
                writer.start();
                writers.add(writer);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acks.size() < 40 && System.nanoTime() < deadline && writerFailure.get() == null) {
                Thread.sleep(20);
            }

            // a backup that happened to run while no write was acknowledged (writers held, or starved of CPU) proves
            // nothing about load: the first of up to three with acknowledgements inside its window is the one checked
            GateClient admin = new GateClient(gate.uri(), null, PATIENCE)
                    .withToken(gate.as("admin").token());
            RawResponse answer;
            do {
                long asked = System.nanoTime();
                before = acks.stream().filter(a -> a.ackedAt() < asked).toList();
                answer = admin.send("POST", "/api/admin/backups", null);
                long answered = System.nanoTime();
                duringBackup = acks.stream()
                        .filter(a -> a.ackedAt() > asked && a.ackedAt() < answered)
                        .count();
                taken++;
            } while (duringBackup == 0 && answer.status() == 201 && taken < 3 && writerFailure.get() == null);
            stop.set(true);
            for (Thread writer : writers) {
                writer.join(30_000);
            }
            assertThat(writerFailure.get()).as("a writer failed").isNull();
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            backup = JSON.readValue(answer.body(), BackupDto.class);
        }
        System.out.printf(
                "backup under load (try %d): %d declarations acknowledged before it, %d while it ran; %d bytes in %d ms%n",
                taken,
                before.size(),
                duringBackup,
                backup.bytes(),
                Duration.between(backup.startedAt(), backup.finishedAt()).toMillis());
        assertThat(before).hasSizeGreaterThanOrEqualTo(40);
        assertThat(duringBackup)
                .as("declarations acknowledged while the backup ran: the backup really was under load")
                .isPositive();
        assertThat(Files.isDirectory(Path.of(backup.path(), "db"))).isTrue();

        DatabaseRestore.restore(restoredData, Path.of(backup.path()));
        // no --demo: the restored database is opened as it is, and must pass Flyway and Hibernate validation
        long started = System.nanoTime();
        try (GateServer restored = GateServer.start(
                new ServerOptions("127.0.0.1", 0, restoredData, false, null, null), Clock.systemUTC())) {
            GateClient admin =
                    TestGate.loggedIn(restored.uri(), "admin", Duration.ofNanos(System.nanoTime() - started));
            for (Ack ack : before) {
                DeclarationDto written = ack.declaration();
                DeclarationDto kept = admin.declaration(written.id());
                assertThat(kept.tractorPlate())
                        .as("declaration %d", written.id())
                        .isEqualTo(written.tractorPlate());
                assertThat(kept.revision()).isEqualTo(written.revision());
            }
        }
    }
}
