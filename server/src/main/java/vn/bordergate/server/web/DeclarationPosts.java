package vn.bordergate.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.DeclarationService;

/**
 * {@code POST /api/declarations}, the enterprises' new declarations, answered without Jersey ({@link DirectPosts}):
 * Jersey's own request handling was more than half of the request thread's samples per declaration (JFR, branch
 * declcpu). The same submission ({@link DeclarationService#submitLater}, as {@link DeclarationService#submit}) with
 * the same {@code Idempotency-Key} header, answered by the writer that commits it; what is not taken here goes on to
 * {@link DeclarationResource#submit}.
 */
public final class DeclarationPosts extends DirectPosts<DeclarationRequest> {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/api/declarations";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final transient DeclarationService declarations;

    DeclarationPosts(TokenService tokens, DeclarationService declarations, ObjectMapper json) {
        super(
                PATH,
                DeclarationResource.class,
                "submit",
                List.of(DeclarationRequest.class, String.class, SecurityContext.class),
                tokens,
                json,
                DeclarationRequest.class,
                DeclarationDto.class);
        this.declarations = declarations;
    }

    /**
     * Answered from the writer that commits the declaration, as the cameras' reads are: a request thread parked until
     * its batch's commit cost two thread switches and a wake-up per declaration (branch declasync). Nothing follows
     * the commit on the request thread, so nothing needs {@code slowWork}: the batch tells the plate matcher before
     * the answer and the workstations after it, on its writer, as for a waiting request.
     */
    @Override
    CompletableFuture<?> answer(Actor actor, DeclarationRequest body, HttpServletRequest request, Executor slowWork) {
        return declarations.submitLater(actor, body, request.getHeader(IDEMPOTENCY_KEY));
    }

    @Override
    List<String> readHeaders() {
        return List.of(IDEMPOTENCY_KEY);
    }
}
