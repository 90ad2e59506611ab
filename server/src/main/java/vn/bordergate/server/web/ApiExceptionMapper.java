package vn.bordergate.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.dto.FieldProblem;
import vn.bordergate.server.service.GateException;

/**
 * The one place where failures become HTTP answers: domain refusals get their status, malformed
 * input a 400 that says what is wrong, and anything unexpected a 500 with a reference to the log,
 * never a stack trace.
 */
final class ApiExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(Throwable thrown) {
        // a body cut off by the size limit surfaces inside a JSON error: the size is the real answer
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestSizeLimit.BodyTooLargeException
                    || (t instanceof HttpException http && http.getCode() == 413)) {
                return error(413, "too_large", "the request body is too large (at most 1 MB)", List.of());
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Response known = known(t);
            if (known != null) {
                return known;
            }
        }
        if (thrown instanceof WebApplicationException web) {
            return fromWebException(web);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("unexpected failure, reference {}", reference, thrown);
        return error(
                500,
                "internal_error",
                "the gate server failed unexpectedly; tell the administrator reference " + reference,
                List.of());
    }

    private static Response known(Throwable t) {
        if (t instanceof GateException g) {
            Response.ResponseBuilder answer = Response.status(status(g.kind()))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(
                            status(g.kind()), g.kind().name().toLowerCase(), g.getMessage(), g.problems()));
            if (g.retryAfter() != null) {
                answer.header("Retry-After", Math.max(1, g.retryAfter().toSeconds()));
            }
            return answer.build();
        }
        if (t instanceof EofException) {
            // the connection closed before the body was read (the client gave up, or the server is stopping): no
            // one hears this answer, and nothing in the server failed
            LOG.info("connection closed before the request was read ({})", t.getMessage());
            return error(400, "incomplete_request", "the connection closed before the request body ended", List.of());
        }
        if (t instanceof JsonProcessingException json) {
            return fromJson(json);
        }
        return null;
    }

    private static Response fromJson(JsonProcessingException e) {
        // Jackson wraps a parse error met inside a field with that field's path: the parse error says more
        if (e.getClass() == JsonMappingException.class && e.getCause() instanceof JsonProcessingException inner) {
            return fromJson(inner);
        }
        if (e instanceof StreamConstraintsException) {
            return error(
                    400,
                    "invalid",
                    "the JSON body is too deeply nested, or a number or text in it too long",
                    List.of());
        }
        if (!(e instanceof JsonMappingException mapping)) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return error(400, "invalid", "the body is not valid JSON" + where, List.of());
        }
        String field = path(mapping.getPath());
        String problem;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            problem = "is not a field of this request";
        } else if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            problem = "'" + format.getValue() + "' is not one of "
                    + Arrays.stream(format.getTargetType().getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException format) {
            problem = "'" + format.getValue() + "' is not a valid " + simpleType(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = "must be " + article(simpleType(mismatch.getTargetType()));
        } else {
            problem = "has a value that can't be read";
        }
        String name = field.isEmpty() ? "body" : field;
        return error(400, "invalid", name + " " + problem, List.of(new FieldProblem(name, problem)));
    }

    private static Response fromWebException(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message =
                switch (status) {
                    case 401 -> "log in first: this operation needs a bearer token";
                    case 403 -> "your role may not do this";
                    case 404 -> "there is no such resource";
                    case 405 -> "this resource does not support that HTTP method";
                    case 406 -> "this resource answers only application/json";
                    case 413 -> "the request body is too large";
                    case 415 -> "send the body as application/json";
                    default -> status >= 500 ? "the gate server failed" : "the request can't be handled";
                };
        if (status >= 500) {
            LOG.error("web failure", e);
        }
        return error(status, "http_" + status, message, List.of());
    }

    static Response error(int status, String code, String message, List<FieldProblem> problems) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status, code, message, problems))
                .build();
    }

    static int status(GateException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case TOO_MANY_ATTEMPTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 time such as 2026-11-22T08:00:00Z";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "JSON object";
    }

    private static String article(String noun) {
        return noun.startsWith("true") || noun.startsWith("ISO") ? noun : "a " + noun;
    }
}
