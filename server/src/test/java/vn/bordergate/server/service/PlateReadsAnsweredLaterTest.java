package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.support.Await;
import vn.bordergate.server.support.TableLock;
import vn.bordergate.server.support.TestGate;

/**
 * A camera's plate read is answered by the writer that commits it, not by a request thread parked until then: with
 * the plate-read table locked (the writers' batches wait in Derby before their commit), more reads wait for their
 * commit than Jetty has threads (200), another request is still answered, and no read is answered before its
 * commit. Then every read is answered 201 with its own row, each is in the database, and each is timed once as a
 * 2xx plate-read POST in the gate's request metrics (timed when its exchange ended, not when its thread left it).
 * The gate's own server: real Jetty, filters and Derby.
 */
class PlateReadsAnsweredLaterTest {
    private static final ObjectMapper JSON = GateJson.newMapper();
    /**
     * Twice Jetty's 200 threads: parked request threads could hold fewer than 200 (the acceptor and selectors take
     * pool threads too); answered later, every read waits in the queue but those the writers took before the lock
     * stopped them (a few batches: 80 in one run of the whole suite on the loaded machine).
     */
    private static final int READS = 400;

    private static final int QUEUED_PAST_THE_THREADS = 200;

    private static TestGate gate;
    private static final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.start(Clock.systemUTC());
        gate.server().awaitDemoDay(); // its writes would wait on this test's lock
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        gate.close();
    }

    @Test
    void readsWaitForTheirCommitWithoutHoldingAThreadAndEachIsAnsweredWithItsOwnRow() throws Exception {
        String camera = gate.as("admin").anpr().cameras().get(0).code();
        String token = gate.as("camera").token();
        HttpClient http = HttpClient.newHttpClient();
        PlateReadService reads = gate.server().services().plateReads;
        double timedBefore = gate.answeredPosts("/api/plate-reads");
        List<String> plates = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (TableLock lock = TableLock.hold(gate.server().services().tx, "plate_read", threads)) {
            for (int i = 0; i < READS; i++) {
                String plate = TestGate.uniqueVietnamesePlate();
                plates.add(plate);
                answers.add(http.sendAsync(
                        HttpRequest.newBuilder(gate.uri().resolve("/api/plate-reads"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"cameraCode\":\"" + camera
                                        + "\",\"text\":\"" + plate + "\",\"confidence\":0.9}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // the writers took a few batches and wait for the lock; the rest wait in the queue. Parked request
            // threads would stop this short of 200 (Jetty's pool, its selector and acceptor threads among them)
            Await.atMost(Duration.ofSeconds(60), () -> reads.queued() >= QUEUED_PAST_THE_THREADS);
            assertThat(reads.queued())
                    .as("reads queued behind the locked writers")
                    .isGreaterThanOrEqualTo(QUEUED_PAST_THE_THREADS);
            assertThat(gate.healthStatus())
                    .as("another request, while the reads wait")
                    .isEqualTo(200);
            assertThat(answers).as("answered before the commit").noneMatch(CompletableFuture::isDone);
        }
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < READS; i++) {
            HttpResponse<String> answer = answers.get(i).get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            JsonNode read = JSON.readTree(answer.body());
            assertThat(read.get("text").asText()).isEqualTo(plates.get(i));
            ids.add(read.get("id").asLong());
        }
        assertThat(ids).as("one row each").hasSize(READS);
        List<Long> stored = gate.as("supervisor").anpr().plateReads(1000).stream()
                .map(PlateReadDto::id)
                .toList();
        assertThat(stored).containsAll(ids);
        assertThat(gate.answeredPosts("/api/plate-reads") - timedBefore)
                .as("timed once each, as 2xx")
                .isEqualTo(READS);
    }
}
