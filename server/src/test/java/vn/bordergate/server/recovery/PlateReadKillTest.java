package vn.bordergate.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.server.support.ServerProcess;
import vn.bordergate.server.support.TestGate;

/**
 * Cameras' plate reads posted by many connections at once (answered by the writer after its batch's commit, not by a
 * parked request thread), the server killed with SIGKILL in the middle, its database opened again: every read it
 * acknowledged is there with the plate it was sent with. {@code -Dkill.acks=N} waits for N acknowledged reads before
 * the kill (default 300).
 */
class PlateReadKillTest {
    /** Connections posting at once: more reads in flight than writers, so batches of several are cut by the kill. */
    private static final int CAMERAS = 16;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedReadSurvivesAKill() throws Exception {
        int port = ServerProcess.ANY_PORT; // bound by the server, read from its log
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(
                Files.createTempFile("gate-read-kill-", ".log").toFile());
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        try (ServerProcess server = ServerProcess.start(data, port, log, List.of(), List.of("--no-cameras"))) {
            server.awaitHealthy(Duration.ofSeconds(120));
            GateClient camera = server.loggedIn("camera");
            String cameraCode = server.loggedIn("admin").anpr().cameras().get(0).code();
            AtomicBoolean posting = new AtomicBoolean(true);
            List<Thread> cameras = new ArrayList<>();
            for (int c = 0; c < CAMERAS; c++) {
                Thread t = new Thread(() -> {
                    while (posting.get()) {
                        String plate = plate(sent.incrementAndGet());
                        try {
                            long id = camera.anpr()
                                    .postPlateRead(new NewPlateReadRequest(cameraCode, null, plate, 0.9, null))
                                    .id();
                            acknowledged.put(id, plate);
                        } catch (RuntimeException killedMeanwhile) {
                            return; // the server is gone: not acknowledged, so nothing is promised
                        }
                    }
                });
                cameras.add(t);
                t.start();
            }
            int acks = Integer.getInteger("kill.acks", 300);
            assertThat(server.killOnceAcknowledged(acknowledged::size, acks, cameras))
                    .as("killed, not exited")
                    .isNotZero();
            posting.set(false);
            for (Thread t : cameras) {
                t.join();
            }
        }

        try (TestGate reopened = TestGate.reopen(data)) {
            Map<Long, String> stored = new HashMap<>();
            reopened.server().services().tx.read(session -> {
                for (Object[] row : session.createNativeQuery("select id, raw_text from plate_read", Object[].class)
                        .getResultList()) {
                    stored.put(((Number) row[0]).longValue(), (String) row[1]);
                }
                return null;
            });
            assertThat(sent.get()).as("reads sent").isGreaterThan(acknowledged.size());
            for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
                assertThat(stored.get(ack.getKey()))
                        .as("acknowledged read %d", ack.getKey())
                        .isEqualTo(ack.getValue());
            }
            System.out.printf(
                    "kill -9 during plate reads: %d sent, %d acknowledged before the kill, all stored; %d rows%n",
                    sent.get(), acknowledged.size(), stored.size());
        }
    }

    private static String plate(int n) {
        return String.format("37K-%03d.%02d", n / 100 % 1000, n % 100);
    }
}
