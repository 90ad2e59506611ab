package vn.bordergate.server.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import vn.bordergate.common.dto.LoginRequest;
import vn.bordergate.common.dto.LoginResponse;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.server.service.AccountService;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {
    private final AccountService accounts;

    @Context
    private HttpServletRequest http;

    public AuthResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @SecurityRequirements // public: no token
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public LoginResponse login(LoginRequest request) {
        return accounts.login(request, http.getRemoteAddr());
    }

    @GET
    @Path("/me")
    public UserDto me(@Context SecurityContext security) {
        return accounts.me(Requests.actor(security));
    }
}
