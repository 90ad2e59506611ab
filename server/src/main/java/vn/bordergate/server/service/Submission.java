package vn.bordergate.server.service;

import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.server.security.Actor;

/** A checked declaration submission waiting for its batch. */
record Submission(
        Actor actor, DeclarationRequest request, String idempotencyKey, long enterpriseId, DeclaredVehicles vehicles) {
    boolean keyed() {
        return idempotencyKey != null && !idempotencyKey.isBlank();
    }
}
