package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.GateServices;
import vn.bordergate.server.support.TestGate;

/**
 * A batch of plate reads hands each matched read the step states it read after its commit; an officer can pass
 * a step in the milliseconds before the camera's arrival is decided. The camera's PASS of that step is then
 * refused, and the next arrival step must still pass (before the states were read per batch it did).
 */
class VehicleArrivalStaleStatesTest {
    private final TestGate gate = TestGate.shared();
    private final GateServices services = gate.server().services();

    @Test
    void aStepPassedByAnOfficerSinceTheBatchReadItsStatesStillLetsTheTruckArrive() {
        DeclarationDto declared = gate.declare();
        long id = declared.crossingId();
        gate.pass(id, Step.DECLARATION);
        Map<Step, StepState> readByTheBatch = states(gate.as("gate").crossing(id));
        assertThat(readByTheBatch.get(Step.TRANSPORT)).isEqualTo(StepState.PENDING);

        gate.pass(id, Step.TRANSPORT); // the officer, after the batch read the states
        new VehicleArrival(services.tx, services.crossings).arrived(id, "CAM-L1", "L1", readByTheBatch);

        CrossingDto crossing = gate.as("gate").crossing(id);
        assertThat(TestGate.state(crossing, Step.VEHICLE_CONTROL)).isEqualTo(StepState.PASSED);
    }

    private static Map<Step, StepState> states(CrossingDto crossing) {
        Map<Step, StepState> states = new EnumMap<>(Step.class);
        crossing.steps().forEach(s -> states.put(s.step(), s.state()));
        return states;
    }
}
