package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import vn.bordergate.server.reports.ReportRequest;
import vn.bordergate.server.reports.Reports;

/** The supervisors' reports as PDF or XLSX documents. */
@Path("/api/reports")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMINISTRATOR})
public final class ReportResource {
    private final Reports reports;

    public ReportResource(Reports reports) {
        this.reports = reports;
    }

    @GET
    @Path("/{kind}")
    @Produces({
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/json"
    })
    public Response report(
            @PathParam("kind") String kind,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("shift") String shift,
            @QueryParam("format") String format,
            @QueryParam("gate") String gate) {
        ReportRequest request = ReportRequest.parse(kind, from, to, shift, format, gate);
        byte[] document = reports.render(request);
        return Response.ok(document, request.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + request.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
