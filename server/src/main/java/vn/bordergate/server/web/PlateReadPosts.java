package vn.bordergate.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.service.PlateReadService;

/**
 * {@code POST /api/plate-reads}, the lane cameras' endpoint and the gate's busiest, answered without Jersey: Jersey's
 * matching, filters, interceptors and providers cost more of a camera's read than the read's own request work (JFR,
 * branch readhttp). Only the ordinary camera request is taken here: a known token of a role that may post reads, a
 * JSON body with a length, an answer anyone can read as JSON. Everything else (no or bad token, another role, another
 * media type, a chunked body, a query) goes on to {@link PlateReadResource#post} through Jersey, so every refusal is
 * Jersey's and {@link AuthenticationFilter}'s as before. What is taken gets the same service call, mapper and error
 * answers ({@link ApiExceptionMapper}); the size limit and header checks are the filters in front of this one.
 */
public final class PlateReadPosts extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/api/plate-reads";
    /** {@link PlateReadResource#post}'s {@code @RolesAllowed}, read from it: the two routes cannot disagree on who. */
    static final Set<String> ROLES = rolesOfTheResource();

    private final transient TokenService tokens;
    private final transient PlateReadService reads;
    private final transient ObjectReader reader;
    private final transient ObjectWriter readWriter;
    private final transient ObjectWriter errorWriter;
    private final transient ApiExceptionMapper errors = new ApiExceptionMapper();

    PlateReadPosts(TokenService tokens, PlateReadService reads, ObjectMapper json) {
        this.tokens = tokens;
        this.reads = reads;
        this.reader = json.readerFor(NewPlateReadRequest.class);
        this.readWriter = json.writerFor(PlateReadDto.class);
        this.errorWriter = json.writerFor(ApiError.class);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Actor actor = ordinary(request);
        if (actor == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] recorded;
        try {
            recorded = readWriter.writeValueAsBytes(reads.record(actor, body(request)));
        } catch (Exception e) {
            Response refusal = errors.toResponse(e);
            for (Map.Entry<String, List<Object>> header : refusal.getHeaders().entrySet()) {
                if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                    header.getValue().forEach(value -> response.addHeader(header.getKey(), String.valueOf(value)));
                }
            }
            answer(response, refusal.getStatus(), errorWriter.writeValueAsBytes(refusal.getEntity()));
            return;
        }
        // outside the mapping: a client gone before its answer is Jetty's to handle, as it was Jersey's
        answer(response, 201, recorded);
    }

    /** The caller, when this is a request taken here; null sends it on to Jersey. */
    private Actor ordinary(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())
                || !PATH.equals(request.getRequestURI())
                || repeated(request, HttpHeaders.AUTHORIZATION)
                || repeated(request, HttpHeaders.CONTENT_TYPE)
                || repeated(request, HttpHeaders.ACCEPT)
                || request.getQueryString() != null
                || request.getContentLengthLong() <= 0
                || !json(request.getContentType())
                || !answersJson(request.getHeader(HttpHeaders.ACCEPT))) {
            return null;
        }
        Optional<Actor> actor = AuthenticationFilter.bearer(request.getHeader(HttpHeaders.AUTHORIZATION))
                .flatMap(tokens::verify);
        return actor.filter(a -> ROLES.contains(a.role().name())).orElse(null);
    }

    /** A header sent more than once: Jersey reads all its values (and refuses), {@code getHeader} only the first. */
    private static boolean repeated(HttpServletRequest request, String header) {
        Enumeration<String> values = request.getHeaders(header);
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }

    private static Set<String> rolesOfTheResource() {
        String where = "PlateReadResource.post's @RolesAllowed is where this filter's roles come from";
        try {
            Method post = PlateReadResource.class.getMethod("post", NewPlateReadRequest.class, SecurityContext.class);
            RolesAllowed roles = post.getAnnotation(RolesAllowed.class);
            if (roles == null) {
                throw new IllegalStateException(where);
            }
            return Set.of(roles.value());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(where, e);
        }
    }

    /** As Jersey's Jackson provider reads it: a body of only white space is a null request. */
    private NewPlateReadRequest body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readAllBytes();
        try (JsonParser parser = reader.createParser(bytes)) {
            return parser.nextToken() == null ? null : reader.readValue(parser);
        }
    }

    private static void answer(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.replace(" ", "").toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.equals("application/json;charset=utf-8");
    }

    private static boolean answersJson(String accept) {
        return accept == null || accept.equals("application/json") || accept.equals("*/*");
    }
}
