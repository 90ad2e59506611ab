package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Supplier;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.dto.DashboardDto;
import vn.bordergate.server.dashboard.DashboardService;

/** The supervisors' live dashboard: one snapshot of congestion, yards, throughput, backlog, alerts, cameras. */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMINISTRATOR})
public final class DashboardResource {
    private final DashboardService dashboard;
    private final Supplier<List<CameraMetricsDto>> cameras;

    public DashboardResource(DashboardService dashboard, Supplier<List<CameraMetricsDto>> cameras) {
        this.dashboard = dashboard;
        this.cameras = cameras;
    }

    @GET
    public DashboardDto snapshot() {
        return dashboard.snapshot(cameras.get());
    }
}
