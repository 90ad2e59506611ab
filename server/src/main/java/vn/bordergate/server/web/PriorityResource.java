package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.PriorityRequest;
import vn.bordergate.server.service.PriorityService;

/** A supervisor gives a crossing priority in the queue, or takes it away. */
@Path("/api/crossings/{id}/priority")
@Produces(MediaType.APPLICATION_JSON)
public final class PriorityResource {
    private final PriorityService priorities;

    public PriorityResource(PriorityService priorities) {
        this.priorities = priorities;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    public CrossingDto set(@PathParam("id") long id, PriorityRequest request, @Context SecurityContext security) {
        return priorities.set(Requests.actor(security), id, request);
    }
}
