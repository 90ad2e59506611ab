package vn.bordergate.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.support.ServerProcess;
import vn.bordergate.server.support.TestGate;

/**
 * Sustained declaration writes with idempotency keys, the server killed with SIGKILL in the middle,
 * restarted on the same data: every declaration it acknowledged is there, and every request retried
 * with its key (acknowledged or not) yields exactly one declaration, never a duplicate or a refusal.
 * {@code -Dkill.cycles=N} repeats the kill (default 1), {@code -Dkill.acks=N} waits for N acknowledged writes
 * before each kill (default 20).
 */
class KillDuringWritesTest {
    private static final int WRITERS = 4;

    @TempDir
    Path data;

    private record Write(String key, DeclarationRequest request) {}

    @Test
    void acknowledgedWritesSurviveAndRetriesDoNotDuplicate() throws Exception {
        int port = ServerProcess.ANY_PORT; // bound by the server, read from its log
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(
                Files.createTempFile("gate-kill-", ".log").toFile());
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<Write> all = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger counter = new AtomicInteger();
        int cycles = Integer.getInteger("kill.cycles", 1);
        for (int cycle = 0; cycle < cycles; cycle++) {
            ServerProcess server = ServerProcess.start(data, port, log, List.of(), List.of("--no-cameras"));
            server.awaitHealthy(Duration.ofSeconds(120));
            GateClient enterprise = server.loggedIn("enterprise");
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Thread t = new Thread(() -> {
                    while (writing.get()) {
                        int n = counter.incrementAndGet();
                        Write write = new Write(
                                "kill-test-" + n,
                                TestGate.declaration(plate(n), Direction.EXPORT, QuarantineKind.NONE));
                        all.add(write);
                        try {
                            acknowledged.put(
                                    write.key(),
                                    enterprise
                                            .submitDeclaration(write.request(), write.key())
                                            .id());
                        } catch (RuntimeException killedMeanwhile) {
                            return; // the server is gone: this write is retried after the restart
                        }
                    }
                });
                writers.add(t);
                t.start();
            }
            int acks = acknowledged.size() + Integer.getInteger("kill.acks", 20);
            assertThat(server.killOnceAcknowledged(acknowledged::size, acks, writers))
                    .as("killed, not exited")
                    .isNotZero();
            writing.set(false);
            for (Thread t : writers) {
                t.join();
            }
        }

        try (ServerProcess server = ServerProcess.start(data, port, log, List.of(), List.of("--no-cameras"))) {
            server.awaitHealthy(Duration.ofSeconds(120));
            GateClient enterprise = server.loggedIn("enterprise");
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                assertThat(enterprise.declaration(ack.getValue()).id())
                        .as("acknowledged %s", ack.getKey())
                        .isEqualTo(ack.getValue());
            }
            int retriedUnacknowledged = 0;
            for (Write write : all) {
                DeclarationDto again;
                try {
                    again = enterprise.submitDeclaration(write.request(), write.key());
                } catch (GateApiException e) {
                    throw new AssertionError("retry of " + write.key() + " refused: " + e.getMessage(), e);
                }
                Long first = acknowledged.get(write.key());
                if (first != null) {
                    assertThat(again.id())
                            .as("retry of acknowledged %s", write.key())
                            .isEqualTo(first);
                } else {
                    retriedUnacknowledged++;
                }
            }
            java.util.Set<String> ours = new java.util.HashSet<>();
            for (int n = 1; n <= counter.get(); n++) {
                var p = vn.bordergate.common.plate.PlateParser.parse(plate(n));
                ours.add(p.normalized());
                ours.add(p.display());
            }
            Map<String, Long> perPlate = enterprise.declarations(null, 1000).stream()
                    .filter(d -> ours.contains(d.tractorPlate()))
                    .collect(Collectors.groupingBy(DeclarationDto::tractorPlate, Collectors.counting()));
            assertThat(perPlate).as("declarations per plate").hasSize(all.size());
            assertThat(perPlate.values()).as("no plate declared twice").containsOnly(1L);
            assertThat(server.loggedIn("admin").admin().verifyAudit().intact()).isTrue();
            System.out.printf(
                    "kill -9 during writes: %d cycles, %d writes sent, %d acknowledged before a kill, all present;"
                            + " %d unacknowledged retried with their keys; %d declarations, none twice%n",
                    cycles, all.size(), acknowledged.size(), retriedUnacknowledged, perPlate.size());
        }
    }

    private static String plate(int n) {
        return String.format("36K-%03d.%02d", n / 100 % 1000, n % 100);
    }
}
