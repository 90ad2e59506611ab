package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.AuditVerification;
import vn.bordergate.server.service.AuditLog;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMINISTRATOR})
public final class AuditResource {
    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public List<AuditEntryDto> list(@QueryParam("afterId") String afterId, @QueryParam("limit") String limit) {
        return audit.list(Requests.longParam("afterId", afterId, 0), Requests.limit(limit));
    }

    @POST
    @Path("/verify")
    public AuditVerification verify() {
        return audit.verify();
    }
}
