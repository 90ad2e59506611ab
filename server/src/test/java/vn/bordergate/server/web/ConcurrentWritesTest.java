package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.support.TestGate;

/**
 * Officers at different stations write at the same time: every write still answers its own result,
 * never a 5xx (a shared, non-thread-safe timestamp conversion once failed one write in a few hundred).
 */
class ConcurrentWritesTest {
    private static final int READERS = 4;

    private final TestGate gate = TestGate.shared();

    @Test
    void concurrentHoldsAndReleasesWhileOthersReadTheQueueNeverAnswer5xx() throws Exception {
        List<Long> crossings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            crossings.add(gate.declare().crossingId());
        }
        GateClient customs = gate.as("customs");
        ExecutorService officers = Executors.newFixedThreadPool(crossings.size() + READERS);
        List<Future<List<String>>> work = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<List<String>>> reads = new ArrayList<>();
        try {
            for (int i = 0; i < READERS; i++) {
                // other workstations reloading the crossing list meanwhile
                reads.add(officers.submit(() -> {
                    List<String> failures = new ArrayList<>();
                    while (writing.get()) {
                        RawResponse list =
                                gate.as("borderguard").sendRaw("GET", "/api/crossings?limit=200", null, null);
                        if (list.status() != 200) {
                            failures.add("GET /api/crossings?limit=200: " + list.status() + " " + list.body());
                        }
                    }
                    return failures;
                }));
            }
            for (long id : crossings) {
                work.add(officers.submit(() -> {
                    List<String> failures = new ArrayList<>();
                    String base = "/api/crossings/" + id + "/steps/DECLARATION";
                    for (int round = 0; round < 60; round++) {
                        RawResponse hold = customs.send(
                                "POST",
                                base + "/decision",
                                new StepDecisionRequest(Outcome.HOLD, "papers incomplete, round " + round, null));
                        RawResponse release = customs.send(
                                "POST", base + "/release-hold", new HoldReleaseRequest("papers complete", null));
                        for (RawResponse r : List.of(hold, release)) {
                            if (r.status() != 200) {
                                failures.add("crossing " + id + " round " + round + ": " + r.status() + " " + r.body());
                            }
                        }
                    }
                    return failures;
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> w : work) {
                failures.addAll(w.get(120, TimeUnit.SECONDS));
            }
            writing.set(false);
            for (Future<List<String>> r : reads) {
                failures.addAll(r.get(30, TimeUnit.SECONDS));
            }
            assertThat(failures).as("writes that did not answer 200").isEmpty();
        } finally {
            writing.set(false);
            officers.shutdownNow();
        }
        for (long id : crossings) {
            assertThat(TestGate.state(customs.crossing(id), Step.DECLARATION))
                    .as("every hold was released again")
                    .isEqualTo(StepState.PENDING);
        }
    }
}
