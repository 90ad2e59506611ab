package vn.bordergate.common.client;

import java.util.List;
import vn.bordergate.common.dto.FeeDto;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.dto.WeighingDto;
import vn.bordergate.common.dto.WeighingRequest;

/**
 * What the gate records about a crossing beside its steps: weighings at the weighbridge and fees paid,
 * from {@link GateClient#facts()}.
 */
public final class CrossingFactsClient {
    private final GateCalls calls;

    CrossingFactsClient(GateCalls calls) {
        this.calls = calls;
    }

    public List<WeighingDto> weighings(long crossingId) {
        return calls.list("/api/crossings/" + crossingId + "/weighings", WeighingDto.class);
    }

    public WeighingDto addWeighing(long crossingId, WeighingRequest request) {
        return addWeighing(crossingId, request, null);
    }

    public WeighingDto addWeighing(long crossingId, WeighingRequest request, String idempotencyKey) {
        return calls.post("/api/crossings/" + crossingId + "/weighings", request, WeighingDto.class, idempotencyKey);
    }

    public List<FeeDto> fees(long crossingId) {
        return calls.list("/api/crossings/" + crossingId + "/fees", FeeDto.class);
    }

    public FeeDto addFee(long crossingId, FeeRequest request) {
        return addFee(crossingId, request, null);
    }

    public FeeDto addFee(long crossingId, FeeRequest request, String idempotencyKey) {
        return calls.post("/api/crossings/" + crossingId + "/fees", request, FeeDto.class, idempotencyKey);
    }
}
