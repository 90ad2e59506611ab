package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateCorrectionRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.PlateReadStatsDto;
import vn.bordergate.server.service.PlateReadImages;
import vn.bordergate.server.service.PlateReadService;

@Path("/api/plate-reads")
@Produces(MediaType.APPLICATION_JSON)
public final class PlateReadResource {
    private static final String JPEG = "image/jpeg";

    private final PlateReadService reads;

    public PlateReadResource(PlateReadService reads) {
        this.reads = reads;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR})
    public List<PlateReadDto> recent(@QueryParam("limit") String limit) {
        return reads.recent(Requests.limit(limit));
    }

    /** The auto-match rate of the last 24 hours' reads (earlier days: the shift handover reports). */
    @GET
    @Path("/stats")
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR})
    public PlateReadStatsDto stats() {
        return reads.stats();
    }

    /** The plate as the camera saw it, cut from the frame of the pass's clearest sighting. */
    @GET
    @Path("/{id}/crop")
    @Produces({JPEG, MediaType.APPLICATION_JSON}) // JSON too: a refusal is an ApiError whatever was asked for
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR})
    public Response crop(@PathParam("id") long id) {
        return Response.ok(reads.image(id, PlateReadImages.Kind.CROP), JPEG).build();
    }

    /** The whole camera frame of that sighting. */
    @GET
    @Path("/{id}/snapshot")
    @Produces({JPEG, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR})
    public Response snapshot(@PathParam("id") long id) {
        return Response.ok(reads.image(id, PlateReadImages.Kind.FRAME), JPEG).build();
    }

    @POST
    @Path("/{id}/correction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR})
    public PlateReadDto correct(
            @PathParam("id") long id, PlateCorrectionRequest request, @Context SecurityContext security) {
        return reads.correct(Requests.actor(security), id, request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CAMERA, Roles.OFFICER, Roles.SUPERVISOR})
    public Response post(NewPlateReadRequest request, @Context SecurityContext security) {
        return Response.status(201)
                .entity(reads.record(Requests.actor(security), request))
                .build();
    }
}
