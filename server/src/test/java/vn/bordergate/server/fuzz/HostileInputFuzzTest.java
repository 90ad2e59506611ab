package vn.bordergate.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.support.TestGate;

/**
 * The fast part of the hostile-input fuzz, in every build: a few thousand seeded requests built from
 * {@code /openapi.json} against a real server of its own. No answer is a 5xx or shows internals, and
 * nothing the fuzzing accounts may not touch has changed. {@link FuzzBenchmark} runs 100,000.
 */
class HostileInputFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static TestGate gate;

    @BeforeAll
    static void start() throws InterruptedException {
        gate = TestGate.start(Clock.systemUTC());
        gate.server().awaitDemoDay();
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    @Test
    void hostileRequestsGetClearRefusalsAndChangeNothingTheyMayNot() throws Exception {
        FuzzReport report = fuzz(gate, SEED, Long.getLong("fuzz.requests", 3000), 4);
        System.out.println(report);
        assertThat(report.run().failures()).as(report.toString()).isEmpty();
        assertThat(report.unauthorised()).as("unauthorised changes").isEmpty();
        assertThat(report.dataChanged())
                .as("users, enterprises, the other enterprise's declarations")
                .isFalse();
        assertThat(report.run().statuses()).containsKeys(400, 401, 403, 404);
    }

    record FuzzReport(FuzzRun run, long millis, List<String> unauthorised, boolean dataChanged, int operations) {
        @Override
        public String toString() {
            return String.format(
                    "fuzz: %d requests over %d operations in %d ms; answers by status %s; failures %d %s;"
                            + " unauthorised changes %d %s; protected data changed: %s; answered only when resent on a"
                            + " fresh connection %d; closed without answer twice, e.g. %s",
                    run.sent(),
                    operations,
                    millis,
                    run.statuses(),
                    run.failureCount(),
                    run.failures(),
                    unauthorised.size(),
                    unauthorised.size() > 10 ? unauthorised.subList(0, 10) : unauthorised,
                    dataChanged,
                    run.resent(),
                    run.closedSamples());
        }
    }

    static FuzzReport fuzz(TestGate gate, long seed, long count, int threads) throws Exception {
        // the first /openapi.json is generated on demand: on a busy machine that takes more than a client's 10 s
        JsonNode document = GateJson.newClientMapper()
                .readTree(java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(gate.uri().resolve("/openapi.json"))
                                        .timeout(java.time.Duration.ofMinutes(2))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .body());
        List<Operation> operations = Operation.all(document);
        FuzzTokens tokens = FuzzTokens.of(gate);
        ProtectedData before = ProtectedData.of(gate);
        long started = System.nanoTime();
        FuzzRun run = FuzzRun.run(gate.uri(), new HostileRequests(operations, document, tokens, seed), count, threads);
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<String> unauthorised = before.unauthorisedChanges(gate);
        ProtectedData after = ProtectedData.of(gate);
        boolean changed = !after.withoutAuditEnd().equals(before.withoutAuditEnd());
        return new FuzzReport(run, millis, unauthorised, changed, operations.size());
    }
}
