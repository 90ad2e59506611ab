package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Supplier;
import vn.bordergate.common.dto.CameraMetricsDto;

/** Live figures of the lane cameras; empty when no camera runs. */
@Path("/api/cameras/metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR})
public final class CameraResource {
    private final Supplier<List<CameraMetricsDto>> metrics;

    public CameraResource(Supplier<List<CameraMetricsDto>> metrics) {
        this.metrics = metrics;
    }

    @GET
    public List<CameraMetricsDto> metrics() {
        return metrics.get();
    }
}
