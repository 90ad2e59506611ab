package vn.bordergate.server.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import vn.bordergate.common.dto.NewUserRequest;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.server.service.AccountService;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMINISTRATOR)
public final class UserResource {
    private final AccountService accounts;

    public UserResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public List<UserDto> list() {
        return accounts.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUserRequest request, @Context SecurityContext security) {
        return Response.status(201)
                .entity(accounts.create(Requests.actor(security), request))
                .build();
    }
}
