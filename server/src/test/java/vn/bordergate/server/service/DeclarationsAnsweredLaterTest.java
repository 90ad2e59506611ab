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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.persistence.BatchWriter;
import vn.bordergate.server.support.Await;
import vn.bordergate.server.support.TableLock;
import vn.bordergate.server.support.TestGate;

/**
 * An enterprise's new declaration is answered by the writer that commits it, not by a request thread parked until
 * then: with the declaration table locked (the writers' batches wait in Derby), more declarations wait for their
 * commit than Jetty has threads (200), another request is still answered, and none is answered before its commit.
 * Then each is answered 201 with its own declaration, each is in the database, each is timed once as a 2xx
 * declaration POST; two posts of one Idempotency-Key sent together get one declaration, and a retry after the commit
 * gets the first answer again. The gate's own server: real Jetty, filters and Derby.
 */
class DeclarationsAnsweredLaterTest {
    private static final ObjectMapper JSON = GateJson.newMapper();
    /**
     * Twice Jetty's 200 threads: parked request threads could hold fewer than 200 (the acceptor and selectors take
     * pool threads too); answered later, every declaration waits in the queue but the two batches (64 each) the
     * writers took before the lock stopped them.
     */
    private static final int DECLARATIONS = 400;

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
    void declarationsWaitForTheirCommitWithoutHoldingAThreadAndEachIsAnsweredWithItsOwn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        DeclarationService declarations = gate.server().services().declarations;
        double timedBefore = gate.answeredPosts("/api/declarations");
        List<String> plates = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        String twiceKey = "twice-" + UUID.randomUUID();
        String twiceBody = body(TestGate.uniqueVietnamesePlate());
        List<CompletableFuture<HttpResponse<String>>> twice = new ArrayList<>();
        try (TableLock lock = TableLock.hold(gate.server().services().tx, "declaration", threads)) {
            for (int i = 0; i < DECLARATIONS; i++) {
                String plate = TestGate.uniqueVietnamesePlate();
                plates.add(plate);
                bodies.add(body(plate));
                keys.add("later-" + UUID.randomUUID());
                answers.add(post(http, bodies.get(i), keys.get(i)));
            }
            // one key sent twice at once: its second post finds the first in flight, in its batch or before it
            twice.add(post(http, twiceBody, twiceKey));
            twice.add(post(http, twiceBody, twiceKey));
            // the writers took a batch each and wait for the lock; the rest wait in the queue. Parked request
            // threads would stop this short of 200 (Jetty's pool, its selector and acceptor threads among them)
            BatchWriter<Submission, ?> writer = declarations.batches();
            Await.atMost(Duration.ofSeconds(40), () -> writer.queued() >= QUEUED_PAST_THE_THREADS);
            assertThat(writer.queued())
                    .as("declarations queued behind the locked writers")
                    .isGreaterThanOrEqualTo(QUEUED_PAST_THE_THREADS);
            assertThat(gate.healthStatus())
                    .as("another request, while the declarations wait")
                    .isEqualTo(200);
            assertThat(answers).as("answered before the commit").noneMatch(CompletableFuture::isDone);
            assertThat(twice).as("answered before the commit").noneMatch(CompletableFuture::isDone);
        }
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < DECLARATIONS; i++) {
            HttpResponse<String> answer = answers.get(i).get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            JsonNode declaration = JSON.readTree(answer.body());
            assertThat(declaration.get("tractorPlate").asText()).isEqualTo(plates.get(i));
            long id = declaration.get("id").asLong();
            ids.add(id);
            assertThat(gate.as("enterprise").declaration(id).tractorPlate()).isEqualTo(plates.get(i));
        }
        assertThat(ids).as("one declaration each").hasSize(DECLARATIONS);

        HttpResponse<String> first = twice.get(0).get(60, TimeUnit.SECONDS);
        HttpResponse<String> second = twice.get(1).get(60, TimeUnit.SECONDS);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(JSON.readTree(second.body()))
                .as("one declaration for one key")
                .isEqualTo(JSON.readTree(first.body()));

        // retried after the commit, on the same route: the first answer again, nothing written
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> retry = post(http, bodies.get(i), keys.get(i)).get(60, TimeUnit.SECONDS);
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
            assertThat(JSON.readTree(retry.body()))
                    .isEqualTo(JSON.readTree(answers.get(i).get().body()));
        }
        assertThat(gate.answeredPosts("/api/declarations") - timedBefore)
                .as("timed once each, as 2xx")
                .isEqualTo(DECLARATIONS + 2 + 5);
    }

    private static String body(String plate) throws Exception {
        return JSON.writeValueAsString(TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.PLANT));
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient http, String body, String key) {
        return http.sendAsync(
                HttpRequest.newBuilder(gate.uri().resolve("/api/declarations"))
                        .header(
                                "Authorization",
                                "Bearer " + gate.as("enterprise").token())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
