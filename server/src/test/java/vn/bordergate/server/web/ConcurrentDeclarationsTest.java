package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.DriverDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.support.TestGate;

/**
 * Trips declared at the same moment for one driver the gate has never seen: each is saved once and
 * answered 201, none fails because the others were inserting that driver too (the load benchmark
 * found 500s here: two transactions both found no driver and both inserted it).
 */
class ConcurrentDeclarationsTest {
    private static final int AT_ONCE = 8;

    private final TestGate gate = TestGate.shared();

    @Test
    void declarationsOfOneNewDriverAtOnceAllSucceed() throws Exception {
        String document = "CD"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        String json = GateJson.newMapper().writeValueAsString(withDriver(document));
        GateClient enterprise = gate.as("enterprise");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        List<Future<RawResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < AT_ONCE; i++) {
                String body = json.replace("__PLATE__", TestGate.uniqueVietnamesePlate());
                answers.add(pool.submit(() -> {
                    start.await();
                    return enterprise.sendRaw(
                            "POST", "/api/declarations", "application/json", body.getBytes(StandardCharsets.UTF_8));
                }));
            }
            start.countDown();
            for (Future<RawResponse> answer : answers) {
                RawResponse r = answer.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        long saved = enterprise.declarations(null, 500).stream()
                .filter(d -> document.equals(d.driver().documentNumber()))
                .count();
        assertThat(saved).isEqualTo(AT_ONCE);
    }

    private static DeclarationRequest withDriver(String document) {
        DeclarationRequest r = TestGate.declaration("__PLATE__", Direction.EXPORT, QuarantineKind.PLANT);
        return new DeclarationRequest(
                r.enterpriseId(),
                r.direction(),
                r.tractorPlate(),
                r.trailerPlate(),
                r.vehicleType(),
                new DriverDto("Trần Văn Bình", document, "VN", "+84987654321"),
                r.goods(),
                r.expectedArrival(),
                r.twoWayTransport(),
                r.medical());
    }
}
