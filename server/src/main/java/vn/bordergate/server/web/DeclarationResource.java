package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.service.DeclarationService;

@Path("/api/declarations")
@Produces(MediaType.APPLICATION_JSON)
public final class DeclarationResource {
    private final DeclarationService declarations;

    public DeclarationResource(DeclarationService declarations) {
        this.declarations = declarations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ENTERPRISE)
    public Response submit(
            DeclarationRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context SecurityContext security) {
        return Response.status(201)
                .entity(declarations.submit(Requests.actor(security), request, idempotencyKey))
                .build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR, Roles.ENTERPRISE})
    public List<DeclarationDto> list(
            @QueryParam("status") String status, @QueryParam("limit") String limit, @Context SecurityContext security) {
        return declarations.list(
                Requests.actor(security),
                Requests.enumParam("status", CrossingStatus.class, status),
                Requests.limit(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR, Roles.ENTERPRISE})
    public DeclarationDto get(@PathParam("id") long id, @Context SecurityContext security) {
        return declarations.get(Requests.actor(security), id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ENTERPRISE)
    public DeclarationDto resubmit(
            @PathParam("id") long id, DeclarationRequest request, @Context SecurityContext security) {
        return declarations.resubmit(Requests.actor(security), id, request);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.ENTERPRISE)
    public DeclarationDto cancel(@PathParam("id") long id, @Context SecurityContext security) {
        return declarations.cancel(Requests.actor(security), id);
    }
}
