package vn.bordergate.workstation.kiosk;

import java.util.Set;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.support.DemoGate;

/** Kiosk sessions and trips ready for the kiosk, against the shared demo gate. */
final class KioskGates {
    private KioskGates() {}

    static GateSession kiosk(DemoGate gate, BackgroundWork work) {
        return GateSession.open(gate.uri(), "kiosk", DemoGate.PASSWORD, work, Set.of(Role.KIOSK));
    }

    /** A trip customs accepted, expected in two hours: what a driver checks in. */
    static CrossingDto accepted(DemoGate gate) {
        CrossingDto declared = gate.declare(DemoGate.uniquePlate());
        return gate.pass(declared.id(), Step.DECLARATION);
    }
}
