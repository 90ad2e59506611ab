package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import vn.bordergate.server.service.CrossingSlips;

/** A crossing's slip as PDF, for the officers who may read the crossing. */
@Path("/api/crossings/{id}/slip")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR})
public final class CrossingSlipResource {
    static final String PDF = "application/pdf";

    private final CrossingSlips slips;

    public CrossingSlipResource(CrossingSlips slips) {
        this.slips = slips;
    }

    // JSON is listed too so a client that accepts only JSON hears why it is refused (ApiError 401, 403,
    // 404) instead of a bare 406; a slip itself is always the PDF
    @GET
    @Produces({PDF, MediaType.APPLICATION_JSON})
    public Response slip(@PathParam("id") long id, @Context SecurityContext security) {
        return Response.ok(slips.pdf(Requests.actor(security), id), PDF)
                .header("Content-Disposition", "inline; filename=\"crossing-" + id + "-slip.pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
