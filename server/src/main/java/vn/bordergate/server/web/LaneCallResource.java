package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import vn.bordergate.server.service.VehicleCalls;

/** {@code POST /api/lanes/{laneCode}/call-next}: the called crossing, or 204 when nobody waits in the yard. */
@Path("/api/lanes/{laneCode}/call-next")
@Produces(MediaType.APPLICATION_JSON)
public final class LaneCallResource {
    private final VehicleCalls calls;

    public LaneCallResource(VehicleCalls calls) {
        this.calls = calls;
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public Response callNext(@PathParam("laneCode") String laneCode, @Context SecurityContext security) {
        return calls.callNext(Requests.actor(security), laneCode)
                .map(crossing -> Response.ok(crossing).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
