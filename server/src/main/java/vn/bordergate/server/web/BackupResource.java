package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.bordergate.common.dto.BackupDto;
import vn.bordergate.server.backup.DatabaseBackups;

/** On-demand online backups of the gate's database, for administrators (the daily one runs by itself). */
@Path("/api/admin/backups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMINISTRATOR)
public final class BackupResource {
    private final DatabaseBackups backups;

    public BackupResource(DatabaseBackups backups) {
        this.backups = backups;
    }

    /** Answers when the copy is complete: every write acknowledged before the call is in it. */
    @POST
    public Response backUp() {
        return Response.status(Response.Status.CREATED).entity(backups.backUp()).build();
    }

    @GET
    public List<BackupDto> list() {
        return backups.list();
    }
}
