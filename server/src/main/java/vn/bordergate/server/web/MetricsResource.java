package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.bordergate.server.metrics.GateMetrics;

/** The gate's metrics in Prometheus text format, for supervisors and administrators. */
@Path("/api/metrics")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMINISTRATOR})
public final class MetricsResource {
    private final GateMetrics metrics;

    public MetricsResource(GateMetrics metrics) {
        this.metrics = metrics;
    }

    /** Whatever the caller accepts (API clients ask for JSON), the answer is Prometheus text. */
    @GET
    @Produces(MediaType.WILDCARD)
    public Response scrape() {
        return Response.ok(metrics.scrape(), "text/plain; version=0.0.4; charset=utf-8")
                .build();
    }
}
