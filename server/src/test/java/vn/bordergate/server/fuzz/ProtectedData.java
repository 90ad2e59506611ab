package vn.bordergate.server.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.EnterpriseDto;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.server.support.TestGate;

/**
 * What the fuzzing accounts may not change, read through the API by accounts that may see it: the
 * users, the enterprises, the other enterprise's declarations, and the audit log, where every change
 * made during the fuzz must be one the fuzzing accounts were entitled to make.
 */
record ProtectedData(
        List<UserDto> users, List<EnterpriseDto> enterprises, List<DeclarationDto> othersDeclarations, long auditEnd) {
    /** What enterprise2 may do, and what the lane cameras' matched reads do in the lane's name. */
    private static final Set<String> ENTERPRISE_ACTIONS =
            Set.of("DECLARATION_SUBMITTED", "DECLARATION_RESUBMITTED", "DECLARATION_CANCELLED");

    static ProtectedData of(TestGate gate) {
        List<AuditEntryDto> audit = auditAfter(gate, 0);
        return new ProtectedData(
                gate.as("admin").admin().users(),
                gate.as("admin").enterprises(),
                gate.as("enterprise").declarations(null, 1000),
                audit.isEmpty() ? 0 : audit.get(audit.size() - 1).id());
    }

    static List<AuditEntryDto> auditAfter(TestGate gate, long after) {
        List<AuditEntryDto> all = new ArrayList<>();
        long from = after;
        while (true) {
            List<AuditEntryDto> page = gate.as("admin").admin().audit(from, 500);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            from = page.get(page.size() - 1).id();
        }
    }

    /** Audit entries written since this snapshot that no fuzzing account was entitled to cause. */
    List<String> unauthorisedChanges(TestGate gate) {
        List<String> problems = new ArrayList<>();
        for (AuditEntryDto e : auditAfter(gate, auditEnd)) {
            boolean enterprise = e.actor().equals("enterprise2") && ENTERPRISE_ACTIONS.contains(e.action());
            boolean lane = e.actor().startsWith("camera:") && e.action().startsWith("STEP_");
            if (!enterprise && !lane) {
                problems.add("audit " + e.id() + ": " + e.actor() + " " + e.action() + " " + e.entityType() + " "
                        + e.entityId() + " " + e.details());
            }
        }
        return problems;
    }

    /** Everything but the audit position, to compare before and after. */
    ProtectedData withoutAuditEnd() {
        return new ProtectedData(users, enterprises, othersDeclarations, 0);
    }
}
