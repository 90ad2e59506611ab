package vn.bordergate.common.client;

import java.util.List;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.AuditVerification;
import vn.bordergate.common.dto.NewUserRequest;
import vn.bordergate.common.dto.UserDto;

/** Accounts and the audit log, from {@link GateClient#admin()}. */
public final class AdminClient {
    private final GateCalls calls;

    AdminClient(GateCalls calls) {
        this.calls = calls;
    }

    public List<UserDto> users() {
        return calls.list("/api/users", UserDto.class);
    }

    public UserDto createUser(NewUserRequest request) {
        return createUser(request, null);
    }

    public UserDto createUser(NewUserRequest request, String idempotencyKey) {
        return calls.post("/api/users", request, UserDto.class, idempotencyKey);
    }

    /** Audit entries with an id above {@code afterId}, oldest first; both parameters may be null. */
    public List<AuditEntryDto> audit(Long afterId, Integer limit) {
        return calls.list(JsonHttp.withQuery("/api/audit", "afterId", afterId, "limit", limit), AuditEntryDto.class);
    }

    public AuditVerification verifyAudit() {
        return calls.post("/api/audit/verify", null, AuditVerification.class, null);
    }
}
