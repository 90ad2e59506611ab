package vn.bordergate.server.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.bordergate.common.dto.PublicStatusDto;
import vn.bordergate.server.publicstatus.PublicStatusService;

/** The gate's congestion for drivers and the provincial portal, as JSON ({@link PublicStatusPage} shows it). */
@Path("/api/public/status")
@PermitAll
public final class PublicStatusResource {
    private final PublicStatusService status;

    public PublicStatusResource(PublicStatusService status) {
        this.status = status;
    }

    @SecurityRequirements // public: no token
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        PublicStatusDto now = status.status();
        return Response.ok(now)
                .header("Cache-Control", "public, max-age=10")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
