package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.server.service.KioskService;

/** The yard kiosk's self-service check-in: only KIOSK device accounts, one crossing at a time. */
@Path("/api/kiosk/crossings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.KIOSK)
public final class KioskResource {
    private final KioskService kiosk;

    public KioskResource(KioskService kiosk) {
        this.kiosk = kiosk;
    }

    @GET
    public KioskCrossingDto find(
            @QueryParam("plate") String plate, @QueryParam("code") String code, @QueryParam("qr") String qr) {
        return kiosk.find(plate, code, qr);
    }

    @GET
    @Path("/{id}")
    public KioskCrossingDto get(@PathParam("id") long id) {
        return kiosk.get(id);
    }

    @GET
    @Path("/{id}/ticket")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response ticket(@PathParam("id") long id) {
        return Response.ok(kiosk.ticket(id), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"ticket-" + id + ".pdf\"")
                .build();
    }

    @POST
    @Path("/{id}/check-in")
    public KioskCrossingDto checkIn(@PathParam("id") long id, @Context SecurityContext security) {
        return kiosk.checkIn(Requests.actor(security), id);
    }
}
