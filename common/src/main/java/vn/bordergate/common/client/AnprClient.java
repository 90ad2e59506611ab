package vn.bordergate.common.client;

import java.util.List;
import vn.bordergate.common.dto.CameraDto;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateCorrectionRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.PlateReadStatsDto;

/** The lane cameras and the plates they read, from {@link GateClient#anpr()}. */
public final class AnprClient {
    private final GateCalls calls;

    AnprClient(GateCalls calls) {
        this.calls = calls;
    }

    public List<PlateReadDto> plateReads(Integer limit) {
        return calls.list(JsonHttp.withQuery("/api/plate-reads", "limit", limit), PlateReadDto.class);
    }

    public PlateReadDto postPlateRead(NewPlateReadRequest request) {
        return postPlateRead(request, null);
    }

    public PlateReadDto postPlateRead(NewPlateReadRequest request, String idempotencyKey) {
        return calls.post("/api/plate-reads", request, PlateReadDto.class, idempotencyKey);
    }

    /** The auto-match rate of the last 24 hours' reads. */
    public PlateReadStatsDto plateReadStats() {
        return calls.get("/api/plate-reads/stats", PlateReadStatsDto.class);
    }

    public PlateReadDto correctPlateRead(long readId, PlateCorrectionRequest request) {
        return calls.post("/api/plate-reads/" + readId + "/correction", request, PlateReadDto.class, null);
    }

    public List<CameraDto> cameras() {
        return calls.list("/api/cameras", CameraDto.class);
    }

    /** How each running lane camera is doing now (state, frame rate); empty when no camera runs. */
    public List<CameraMetricsDto> cameraMetrics() {
        return calls.list("/api/cameras/metrics", CameraMetricsDto.class);
    }
}
