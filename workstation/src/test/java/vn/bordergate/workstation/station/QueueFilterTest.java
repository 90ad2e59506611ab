package vn.bordergate.workstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.support.Crossings;

class QueueFilterTest {
    private final CrossingDto atYard = Crossings.at(1, "29H-335.78", Direction.EXPORT, Step.VEHICLE_CONTROL, Map.of());
    private final CrossingDto enRoute = Crossings.at(2, "桂A·12345", Direction.IMPORT, Step.DECLARATION, Map.of());
    private final CrossingDto heldByBorderGuard = Crossings.at(
            3, "12C-123.45", Direction.EXPORT, Step.VEHICLE_CONTROL, Map.of(Step.BORDER_CONTROL, StepState.HELD));

    @Test
    void mineMeansAStepOfMyAgencyICanDecideNow() {
        assertThat(QueueFilter.inScope(QueueScope.MINE, atYard, Agency.MEDICAL_QUARANTINE))
                .isTrue();
        // step 4 waits for vehicle control: nothing for medical yet
        assertThat(QueueFilter.inScope(QueueScope.MINE, enRoute, Agency.MEDICAL_QUARANTINE))
                .isFalse();
        // gate management has step 2 to decide on it
        assertThat(QueueFilter.inScope(QueueScope.MINE, enRoute, Agency.GATE_MANAGEMENT))
                .isTrue();
        // the border guard holds it: lifting the hold is theirs to do
        assertThat(QueueFilter.inScope(QueueScope.MINE, heldByBorderGuard, Agency.BORDER_GUARD))
                .isTrue();
        assertThat(QueueFilter.actionableStep(heldByBorderGuard, Agency.BORDER_GUARD))
                .isEqualTo(Step.BORDER_CONTROL);
        // an administrator has no agency: nothing is "mine"
        assertThat(QueueFilter.inScope(QueueScope.MINE, atYard, null)).isFalse();
    }

    @Test
    void customsActsOnTheDeclarationFirstThenOnTransshipment() {
        CrossingDto declared = Crossings.at(4, "29H-111.11", Direction.EXPORT, null, Map.of());
        assertThat(QueueFilter.actionableStep(declared, Agency.CUSTOMS)).isEqualTo(Step.DECLARATION);
        assertThat(QueueFilter.actionableStep(atYard, Agency.CUSTOMS)).isEqualTo(Step.TRANSSHIPMENT);
    }

    @Test
    void scopesFollowTheCrossingStatus() {
        assertThat(QueueFilter.inScope(QueueScope.AT_GATE, atYard, null)).isTrue();
        assertThat(QueueFilter.inScope(QueueScope.AT_GATE, enRoute, null)).isFalse();
        assertThat(QueueFilter.inScope(QueueScope.ARRIVING, enRoute, null)).isTrue();
        assertThat(QueueFilter.inScope(QueueScope.HELD, heldByBorderGuard, null))
                .isTrue();
        assertThat(QueueFilter.inScope(QueueScope.HELD, atYard, null)).isFalse();
        assertThat(QueueFilter.inScope(QueueScope.ALL, enRoute, null)).isTrue();
    }

    @Test
    void platesMatchWhateverThePunctuation() {
        assertThat(QueueFilter.matches(atYard, "29H33578")).isTrue();
        assertThat(QueueFilter.matches(atYard, "335.78")).isTrue();
        assertThat(QueueFilter.matches(atYard, "29h-335")).isTrue();
        assertThat(QueueFilter.matches(enRoute, "桂A12345")).isTrue();
        assertThat(QueueFilter.matches(enRoute, "桂a 123")).isTrue();
        assertThat(QueueFilter.matches(atYard, "桂A")).isFalse();
    }

    @Test
    void namesMatchWithOrWithoutAccents() {
        assertThat(QueueFilter.matches(atYard, "sau rieng")).isTrue();
        assertThat(QueueFilter.matches(atYard, "Sầu riêng")).isTrue();
        assertThat(QueueFilter.matches(atYard, "lang son")).isTrue(); // đ and accents dropped alike
        assertThat(QueueFilter.matches(atYard, "nguyen van thang")).isTrue();
        assertThat(QueueFilter.matches(atYard, "thanh long")).isFalse();
        assertThat(QueueFilter.matches(atYard, "  ")).isTrue();
    }

    @Test
    void directionAndSearchCombineWithTheScope() {
        QueueFilter exportsAtGate = new QueueFilter(QueueScope.AT_GATE, Direction.EXPORT, "12C", null);
        assertThat(exportsAtGate.test(heldByBorderGuard)).isTrue();
        assertThat(exportsAtGate.test(atYard)).isFalse(); // plate does not match
        assertThat(new QueueFilter(QueueScope.ALL, Direction.IMPORT, "", null).test(atYard))
                .isFalse();
    }
}
