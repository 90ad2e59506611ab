package vn.bordergate.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.PlateReadService;

/**
 * {@code POST /api/plate-reads}, the lane cameras' endpoint and the gate's busiest, answered without Jersey ({@link
 * DirectPosts}); what it does not take goes on to {@link PlateReadResource#post}.
 */
public final class PlateReadPosts extends DirectPosts<NewPlateReadRequest> {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/api/plate-reads";

    private final transient PlateReadService reads;

    PlateReadPosts(TokenService tokens, PlateReadService reads, ObjectMapper json) {
        super(
                PATH,
                PlateReadResource.class,
                "post",
                List.of(NewPlateReadRequest.class, SecurityContext.class),
                tokens,
                json,
                NewPlateReadRequest.class,
                PlateReadDto.class);
        this.reads = reads;
    }

    /**
     * Answered from the writer that commits the read: a camera's request parked until its batch's commit cost ~3
     * thread switches per read, most of the request threads' CPU (branch readcpu3, readcpu4).
     */
    @Override
    CompletableFuture<?> answer(Actor actor, NewPlateReadRequest body, HttpServletRequest request, Executor slowWork) {
        return reads.recordLater(actor, body, slowWork);
    }
}
