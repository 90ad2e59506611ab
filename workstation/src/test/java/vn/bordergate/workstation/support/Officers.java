package vn.bordergate.workstation.support;

import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;

/** Logged-in workstation sessions against the shared demo gate. */
public final class Officers {
    private Officers() {}

    public static GateSession session(DemoGate gate, String username, BackgroundWork work) {
        return GateSession.open(gate.uri(), username, DemoGate.PASSWORD, work);
    }
}
