package vn.bordergate.server.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import vn.bordergate.common.dto.PublicStatusDto;
import vn.bordergate.server.publicstatus.PublicStatusService;

/** The gate's congestion for drivers and the provincial portal: a JSON feed and a page that shows it. */
@Path("/")
@PermitAll
public final class PublicStatusResource {
    private final PublicStatusService status;
    private final byte[] page;

    public PublicStatusResource(PublicStatusService status) {
        this.status = status;
        this.page = loadPage();
    }

    @SecurityRequirements // public: no token
    @GET
    @Path("api/public/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        PublicStatusDto now = status.status();
        return Response.ok(now)
                .header("Cache-Control", "public, max-age=10")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    @SecurityRequirements // public: no token
    @GET
    @Path("status")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page() {
        return Response.ok(page).header("Cache-Control", "public, max-age=300").build();
    }

    private static byte[] loadPage() {
        try (InputStream in = PublicStatusResource.class.getResourceAsStream("/publicstatus/status.html")) {
            if (in == null) {
                throw new IllegalStateException("publicstatus/status.html is missing from the server");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
