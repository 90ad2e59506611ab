package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.bordergate.common.dto.CameraDto;
import vn.bordergate.common.dto.LaneDto;
import vn.bordergate.common.dto.OverstayAlertDto;
import vn.bordergate.common.dto.StationDto;
import vn.bordergate.common.dto.YardDto;
import vn.bordergate.server.service.CrossingQueries;
import vn.bordergate.server.service.ReferenceData;

/** The gate's lanes, cameras, stations and yards, and its overstay alerts. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMINISTRATOR})
public final class GateReferenceResource {
    private final ReferenceData reference;
    private final CrossingQueries queries;

    public GateReferenceResource(ReferenceData reference, CrossingQueries queries) {
        this.reference = reference;
        this.queries = queries;
    }

    @GET
    @Path("/lanes")
    public List<LaneDto> lanes() {
        return reference.lanes();
    }

    @GET
    @Path("/cameras")
    public List<CameraDto> cameras() {
        return reference.cameras();
    }

    @GET
    @Path("/stations")
    public List<StationDto> stations() {
        return reference.stations();
    }

    @GET
    @Path("/yards")
    public List<YardDto> yards() {
        return reference.yards();
    }

    @GET
    @Path("/alerts/overstays")
    public List<OverstayAlertDto> overstays() {
        return queries.overstays();
    }
}
