package vn.bordergate.server.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A self-contained page (no scripts or styles from elsewhere) that shows the public status feed in
 * Vietnamese, English or Chinese and refreshes itself. Answered whatever the client says it accepts.
 */
@Path("/status")
@PermitAll
public final class PublicStatusPage {
    private final byte[] page = loadPage();

    @SecurityRequirements // public: no token
    @GET
    public Response page() {
        return Response.ok(page, "text/html;charset=utf-8")
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    private static byte[] loadPage() {
        try (InputStream in = PublicStatusPage.class.getResourceAsStream("/publicstatus/status.html")) {
            if (in == null) {
                throw new IllegalStateException("publicstatus/status.html is missing from the server");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
