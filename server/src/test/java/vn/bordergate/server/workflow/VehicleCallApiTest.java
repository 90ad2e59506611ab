package vn.bordergate.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateEventStream;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.EnterpriseDto;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.NewEnterpriseRequest;
import vn.bordergate.common.dto.NewUserRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.event.VehicleCalledEvent;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.support.TestGate;

/**
 * {@code POST /api/lanes/{laneCode}/call-next} on a gate of its own: the yard is emptied first, so which
 * truck comes next is known — perishable goods before others, then arrival order, nobody twice — and
 * every station hears the call.
 */
class VehicleCallApiTest {
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
    void perishableFirstThenArrivalOrderNobodyTwiceAndEveryStationHearsIt() throws Exception {
        Set<Long> called = new HashSet<>();
        Optional<CrossingDto> next;
        while ((next = gate.as("gate").site().callNext("L1")).isPresent()) { // the demo day's waiting trucks
            assertThat(called.add(next.get().id()))
                    .as("called twice: %s", next.get())
                    .isTrue();
            assertThat(next.get().status()).isEqualTo(CrossingStatus.IN_PROGRESS);
            assertThat(next.get().arrivedAt()).isNotNull();
        }

        String plain = plainEnterpriseAccount();
        CrossingDto dryGoods = arrive(plain, goods("84713020", "Máy tính xách tay"));
        CrossingDto durian = arrive(plain, goods("08106000", "Sầu riêng tươi"));
        CrossingDto laterDry = arrive(plain, goods("85171300", "Điện thoại di động"));
        assertThat(durian.perishable()).isTrue();
        assertThat(dryGoods.perishable() || dryGoods.priority()).isFalse();

        List<VehicleCalledEvent> heard = new CopyOnWriteArrayList<>();
        try (GateEventStream stream = gate.as("medical")
                .openEvents(
                        e -> {
                            if (e.event() instanceof VehicleCalledEvent call) {
                                heard.add(call);
                            }
                        },
                        null)) {
            assertThat(gate.as("supervisor").site().callNext("L3").map(CrossingDto::id))
                    .contains(durian.id());
            assertThat(gate.as("gate").site().callNext("L1").map(CrossingDto::id))
                    .contains(dryGoods.id());
            assertThat(gate.as("gate").site().callNext("L1").map(CrossingDto::id))
                    .contains(laterDry.id());
            assertThat(gate.as("gate").site().callNext("L1")).isEmpty();

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (heard.size() < 3 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
        }
        assertThat(heard)
                .extracting(VehicleCalledEvent::crossingId)
                .containsExactly(durian.id(), dryGoods.id(), laterDry.id());
        assertThat(heard.get(0).laneCode()).isEqualTo("L3");
        assertThat(heard.get(0).tractorPlate()).isEqualTo(durian.tractorPlate());
        assertThat(heard.get(0).calledBy()).isEqualTo("supervisor");
        assertThat(auditOf(durian.id())).anySatisfy(a -> assertThat(a.details()).isEqualTo("lane L3"));
    }

    @Test
    void anUnknownLaneIs404AndOtherAgenciesAre403() {
        assertThat(TestGate.statusOf(() -> gate.as("gate").site().callNext("NO-SUCH-LANE")))
                .isEqualTo(404);
        assertThat(TestGate.statusOf(() -> gate.as("customs").site().callNext("L1")))
                .isEqualTo(403);
        assertThat(TestGate.statusOf(() -> gate.as("enterprise").site().callNext("L1")))
                .isEqualTo(403);
    }

    /** The VEHICLE_CALLED audit entries of a crossing, from every page of the audit log. */
    private static List<AuditEntryDto> auditOf(long crossingId) {
        List<AuditEntryDto> found = new ArrayList<>();
        Long after = null;
        List<AuditEntryDto> page;
        while (!(page = gate.as("admin").admin().audit(after, 1000)).isEmpty()) {
            page.stream()
                    .filter(a ->
                            a.action().equals("VEHICLE_CALLED") && a.entityId().equals(String.valueOf(crossingId)))
                    .forEach(found::add);
            after = page.get(page.size() - 1).id();
        }
        return found;
    }

    /**
     * An exporter without priority status (both demo enterprises have it, and a priority enterprise's
     * trucks all go first): a new enterprise with an account of its own.
     */
    private static String plainEnterpriseAccount() {
        EnterpriseDto plain = gate.as("admin")
                .createEnterprise(new NewEnterpriseRequest(
                        "0109" + (100000 + (System.nanoTime() % 900000)),
                        "Công ty TNHH Hàng khô Đồng Đăng",
                        "VN",
                        null,
                        null,
                        null));
        assertThat(plain.priority()).isFalse();
        String username = "plain." + plain.id();
        gate.as("admin")
                .admin()
                .createUser(new NewUserRequest(
                        username, TestGate.PASSWORD, "Hàng khô Đồng Đăng", Role.ENTERPRISE, null, null, plain.id()));
        return username;
    }

    /** A trip declared and advanced past vehicle control: it has arrived and waits in the yard. */
    private static CrossingDto arrive(String account, GoodsLineDto goods) {
        DeclarationRequest base =
                TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.NONE);
        DeclarationRequest request = new DeclarationRequest(
                base.enterpriseId(),
                base.direction(),
                base.tractorPlate(),
                base.trailerPlate(),
                base.vehicleType(),
                base.driver(),
                List.of(goods),
                base.expectedArrival(),
                base.twoWayTransport(),
                base.medical());
        long id = gate.as(account).submitDeclaration(request).crossingId();
        return gate.advanceTo(id, Step.MEDICAL_QUARANTINE);
    }

    private static GoodsLineDto goods(String hs, String description) {
        return new GoodsLineDto(
                hs, description, new BigDecimal("100"), "PCE", new BigDecimal("2500"), QuarantineKind.NONE);
    }
}
