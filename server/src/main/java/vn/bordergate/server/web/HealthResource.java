package vn.bordergate.server.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;
import vn.bordergate.common.dto.HealthDto;

@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public final class HealthResource {
    private final Supplier<HealthDto> health;

    public HealthResource(Supplier<HealthDto> health) {
        this.health = health;
    }

    @SecurityRequirements // public: no token
    @GET
    public HealthDto health() {
        return health.get();
    }
}
