package vn.bordergate.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;

/**
 * A busy {@code POST} endpoint answered without Jersey: Jersey's matching, filters, interceptors and providers cost more
 * of a camera's read than the read's own request work (JFR, branch readhttp), and a large share of a declaration's
 * request thread (branch declcpu). Only the ordinary request is taken here: exactly the path, a known token of a role
 * the resource method's {@code @RolesAllowed} lets in, a JSON body with a length, an answer anyone can read as JSON, no
 * header this route reads sent twice. Everything else (no or bad token, another role, another media type, a chunked
 * body, a query) goes on to the resource method through Jersey, so every refusal is Jersey's and {@link
 * AuthenticationFilter}'s as before. What is taken gets the same service call, mapper and error answers ({@link
 * ApiExceptionMapper}); the size limit and header checks are the filters in front of this one.
 *
 * @param <R> the request body's type, read as Jersey's Jackson provider reads it
 */
abstract class DirectPosts<R> extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** Bodies up to this long are read into an array of their length; longer ones (past any size limit) as before. */
    private static final long MAX_SIZED_BODY = 1 << 20;

    private final String path;
    private final Set<String> roles;
    private final transient TokenService tokens;
    private final transient ObjectReader reader;
    private final transient ObjectWriter answerWriter;
    private final transient ObjectWriter errorWriter;
    private final transient ApiExceptionMapper errors = new ApiExceptionMapper();

    /**
     * {@code resource} and {@code method} with {@code parameters}: the Jersey method of the same route, whose {@code
     * RolesAllowed} says who may post (the two routes cannot disagree on who).
     */
    DirectPosts(
            String path,
            Class<?> resource,
            String method,
            List<Class<?>> parameters,
            TokenService tokens,
            ObjectMapper json,
            Class<R> requestType,
            Class<?> answerType) {
        this.path = path;
        this.roles = rolesOf(resourceMethod(resource, method, parameters));
        this.tokens = tokens;
        this.reader = json.readerFor(requestType);
        this.answerWriter = json.writerFor(answerType);
        this.errorWriter = json.writerFor(ApiError.class);
    }

    /**
     * The resource method's answer (its 201 body), completed later by the writer that commits it; called on the request
     * thread, so its headers are read here. The request is asynchronous meanwhile, so no thread waits for it: parking a
     * request thread until its batch's commit cost two or three thread switches per post (branches readcpu3,
     * declasync). {@code slowWork} runs what must not run on the thread that completes the future (it runs on Jetty's
     * threads). What it throws, or fails the future with, is answered as Jersey's mapper answers it.
     */
    abstract CompletableFuture<?> answer(Actor actor, R body, HttpServletRequest request, Executor slowWork);

    /** Headers this route reads besides the token, type and accept: sent twice, the request goes on to Jersey. */
    List<String> readHeaders() {
        return List.of();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Actor actor = ordinary(request);
        if (actor == null) {
            chain.doFilter(request, response);
            return;
        }
        AsyncContext async = null;
        try {
            R body = body(request);
            async = request.startAsync();
            async.setTimeout(0); // the future is bounded by its writer (the same bound as a waiting request's)
            AsyncContext started = async;
            answer(actor, body, request, async::start)
                    .whenComplete((value, failure) -> answerLater(started, response, value, failure));
        } catch (Throwable e) { // as Jersey's mapper, which takes any Throwable: the same answer on both routes
            refuse(response, e);
            if (async != null) {
                async.complete();
            }
        }
    }

    /** The answer of a request answered later, from the thread that completed it; then the exchange ends. */
    private void answerLater(AsyncContext async, HttpServletResponse response, Object value, Throwable failure) {
        try {
            if (failure != null) {
                refuse(response, failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
            } else {
                byte[] answered;
                try {
                    answered = answerWriter.writeValueAsBytes(value);
                } catch (Throwable e) {
                    refuse(response, e);
                    return;
                }
                answer(response, 201, answered);
            }
        } catch (IOException | RuntimeException e) {
            // the client is gone, or Jetty ended the exchange already (its connection failed): nobody to answer
        } finally {
            try {
                async.complete();
            } catch (IllegalStateException ended) {
                // Jetty ended it already (the connection failed meanwhile)
            }
        }
    }

    private void refuse(HttpServletResponse response, Throwable e) throws IOException {
        Response refusal = errors.toResponse(e);
        for (Map.Entry<String, List<Object>> header : refusal.getHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                header.getValue().forEach(value -> response.addHeader(header.getKey(), String.valueOf(value)));
            }
        }
        answer(response, refusal.getStatus(), errorWriter.writeValueAsBytes(refusal.getEntity()));
    }

    /** The roles this route lets in (tests). */
    Set<String> roles() {
        return roles;
    }

    /** The caller, when this is a request taken here; null sends it on to Jersey. */
    private Actor ordinary(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())
                || !path.equals(request.getRequestURI())
                || repeated(request, HttpHeaders.AUTHORIZATION)
                || repeated(request, HttpHeaders.CONTENT_TYPE)
                || repeated(request, HttpHeaders.ACCEPT)
                || readHeaders().stream().anyMatch(header -> repeated(request, header))
                || request.getQueryString() != null
                || request.getContentLengthLong() <= 0
                || !json(request.getContentType())
                || !answersJson(request.getHeader(HttpHeaders.ACCEPT))) {
            return null;
        }
        Optional<Actor> actor = AuthenticationFilter.bearer(request.getHeader(HttpHeaders.AUTHORIZATION))
                .flatMap(tokens::verify);
        return actor.filter(a -> roles.contains(a.role().name())).orElse(null);
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

    private static Method resourceMethod(Class<?> resource, String method, List<Class<?>> parameters) {
        try {
            return resource.getMethod(method, parameters.toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    resource.getSimpleName() + "." + method + " is this route's Jersey method", e);
        }
    }

    private static Set<String> rolesOf(Method resourceMethod) {
        RolesAllowed roles = resourceMethod.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            throw new IllegalStateException(resourceMethod + "'s @RolesAllowed is where this route's roles come from");
        }
        return Set.of(roles.value());
    }

    /**
     * As Jersey's Jackson provider reads it: a body of only white space is a null request. Read into an array of its
     * length ({@link #ordinary} took only bodies with one, and the size limit in front refused those over it):
     * {@code readAllBytes} took 8 KB buffers for a camera's ~100 bytes, most of a read's garbage on the request
     * threads (docs/benchmarks.md "readcpu5").
     */
    private R body(HttpServletRequest request) throws IOException {
        byte[] bytes = bodyBytes(request.getInputStream(), request.getContentLengthLong());
        try (JsonParser parser = reader.createParser(bytes)) {
            return parser.nextToken() == null ? null : reader.readValue(parser);
        }
    }

    /**
     * The body of a request that says its length: exactly that many bytes, fewer if the stream ends first (as {@code
     * readAllBytes} would give them; Jetty's own early-end failure is thrown as before).
     */
    static byte[] bodyBytes(InputStream in, long length) throws IOException {
        if (length <= 0 || length > MAX_SIZED_BODY) {
            return in.readAllBytes();
        }
        byte[] bytes = new byte[(int) length];
        int read = 0;
        // a loop of reads, not readNBytes: a stream may override that with a single read (ByteArrayInputStream does)
        for (int got; read < bytes.length && (got = in.read(bytes, read, bytes.length - read)) >= 0; ) {
            read += got;
        }
        // Jetty's stream ends at the length the request said (HTTP's framing: what follows is another request)
        return read < bytes.length ? Arrays.copyOf(bytes, read) : bytes;
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
