package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import vn.bordergate.common.dto.EnterpriseDto;
import vn.bordergate.common.dto.NewEnterpriseRequest;
import vn.bordergate.server.service.EnterpriseService;

@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
public final class EnterpriseResource {
    private final EnterpriseService enterprises;

    public EnterpriseResource(EnterpriseService enterprises) {
        this.enterprises = enterprises;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR})
    public List<EnterpriseDto> list() {
        return enterprises.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR, Roles.ENTERPRISE})
    public EnterpriseDto get(@PathParam("id") long id, @Context SecurityContext security) {
        return enterprises.get(Requests.actor(security), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Response create(NewEnterpriseRequest request, @Context SecurityContext security) {
        return Response.status(201)
                .entity(enterprises.create(Requests.actor(security), request))
                .build();
    }
}
