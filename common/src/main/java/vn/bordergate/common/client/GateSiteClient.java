package vn.bordergate.common.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.LaneDto;
import vn.bordergate.common.dto.OverstayAlertDto;
import vn.bordergate.common.dto.StationDto;
import vn.bordergate.common.dto.YardDto;

/**
 * The gate's layout (lanes, stations, yards), calling vehicles to a lane, and overstay alerts, from
 * {@link GateClient#site()}.
 */
public final class GateSiteClient {
    private final GateCalls calls;

    GateSiteClient(GateCalls calls) {
        this.calls = calls;
    }

    public List<LaneDto> lanes() {
        return calls.list("/api/lanes", LaneDto.class);
    }

    /**
     * Calls the next vehicle waiting in the yard to {@code laneCode} (gate management); empty when no
     * vehicle waits (the server answers 204).
     */
    public Optional<CrossingDto> callNext(String laneCode) {
        String path = "/api/lanes/"
                + URLEncoder.encode(laneCode, StandardCharsets.UTF_8).replace("+", "%20") + "/call-next";
        RawResponse response = calls.exchange("POST", path, null, null, Map.of());
        if (response.status() == 204) {
            return Optional.empty();
        }
        return Optional.of(calls.read(response, "POST", path, CrossingDto.class));
    }

    public List<StationDto> stations() {
        return calls.list("/api/stations", StationDto.class);
    }

    public List<YardDto> yards() {
        return calls.list("/api/yards", YardDto.class);
    }

    public List<OverstayAlertDto> overstays() {
        return calls.list("/api/alerts/overstays", OverstayAlertDto.class);
    }
}
