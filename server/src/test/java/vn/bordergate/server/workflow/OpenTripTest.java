package vn.bordergate.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.support.TestGate;

/** One open trip per vehicle, tractor or trailer: what a second declaration of a vehicle on the road is told. */
class OpenTripTest {
    private final TestGate gate = TestGate.shared();
    private final GateClient enterprise = gate.as("enterprise");

    private static DeclarationRequest trip(String tractor, String trailer) {
        DeclarationRequest r = TestGate.declaration(tractor, Direction.EXPORT, QuarantineKind.NONE);
        return new DeclarationRequest(
                r.enterpriseId(),
                r.direction(),
                r.tractorPlate(),
                trailer,
                r.vehicleType(),
                r.driver(),
                r.goods(),
                r.expectedArrival(),
                r.twoWayTransport(),
                r.medical());
    }

    private static String uniqueTrailerPlate() {
        int n = ThreadLocalRandom.current().nextInt(100_000);
        return String.format("29R-%03d.%02d", n / 100, n % 100);
    }

    private static void assertOpenTrip(Runnable declaring, String plate, DeclarationDto first) {
        assertThatThrownBy(declaring::run).isInstanceOfSatisfying(GateApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage())
                    .contains("vehicle " + PlateParser.parse(plate).display() + " already has an open trip ("
                            + first.code() + "): one declaration per vehicle trip");
        });
    }

    @Test
    void aTractorOrATrailerOnAnOpenTripCannotBeDeclaredAgain() {
        String tractor = TestGate.uniqueVietnamesePlate();
        String trailer = uniqueTrailerPlate();
        DeclarationDto first = enterprise.submitDeclaration(trip(tractor, trailer));

        assertOpenTrip(() -> enterprise.submitDeclaration(trip(tractor, null)), tractor, first);
        assertOpenTrip(
                () -> enterprise.submitDeclaration(trip(TestGate.uniqueVietnamesePlate(), trailer)), trailer, first);
        // both taken: the tractor is named
        assertOpenTrip(() -> enterprise.submitDeclaration(trip(tractor, trailer)), tractor, first);

        // correcting the trip itself is no second trip
        DeclarationDto corrected = enterprise.resubmitDeclaration(first.id(), trip(tractor, trailer));
        assertThat(corrected.revision()).isEqualTo(2);
        // another trip can't take the trailer when corrected either
        DeclarationDto other = enterprise.submitDeclaration(trip(TestGate.uniqueVietnamesePlate(), null));
        assertOpenTrip(
                () -> enterprise.resubmitDeclaration(other.id(), trip(other.tractorPlate(), trailer)), trailer, first);

        // once cancelled, both may go on a new trip
        enterprise.cancelDeclaration(first.id());
        DeclarationDto again = enterprise.submitDeclaration(trip(tractor, trailer));
        assertThat(again.id()).isNotEqualTo(first.id());
    }
}
