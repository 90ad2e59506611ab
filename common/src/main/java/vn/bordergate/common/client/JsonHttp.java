package vn.bordergate.common.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.json.GateJson;

/** The HTTP and JSON plumbing under {@link GateClient}: one request, its headers, and the mapping of failures. */
final class JsonHttp {
    static final String JSON = "application/json";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final URI baseUri;
    private final String base;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper mapper = GateJson.newClientMapper();

    JsonHttp(URI baseUri, HttpClient http, Duration timeout) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        String scheme = baseUri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("The gate server address must be http(s)://host[:port], not " + baseUri);
        }
        String text = baseUri.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, not " + timeout);
        }
        this.http = http != null
                ? http
                : HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(timeout)
                        .build();
    }

    URI baseUri() {
        return baseUri;
    }

    HttpClient httpClient() {
        return http;
    }

    Duration timeout() {
        return timeout;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    JavaType type(Class<?> type) {
        return mapper.constructType(type);
    }

    JavaType listOf(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** Serializes a body to JSON bytes; null stays null (no body). */
    byte[] toJson(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Can't write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Sends one request and returns the answer whatever its status; only IO failures throw. */
    RawResponse exchange(
            String method,
            String path,
            String token,
            String contentType,
            byte[] body,
            Map<String, String> extraHeaders) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        URI uri = URI.create(base + (path.startsWith("/") ? path : "/" + path));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", JSON)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        extraHeaders.forEach(request::header);
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (!carriesIdempotencyKey(extraHeaders) || !worthSendingAgain(e)) {
                    throw e;
                }
                // typically a pooled connection the server had closed: the JDK resends GETs itself, never a write;
                // one with an Idempotency-Key is safe to resend, the server answers a repeat with the first answer
                response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            return new RawResponse(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw unreachable(e, method, path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GateUnreachableException(
                    "Interrupted while waiting for the gate server at " + base + " to answer.", e);
        }
    }

    private static boolean carriesIdempotencyKey(Map<String, String> headers) {
        return headers.keySet().stream().anyMatch(IDEMPOTENCY_KEY::equalsIgnoreCase);
    }

    /**
     * Whether a keyed write that failed with this is worth one more try. The connection was lost (most often a
     * pooled one the server had already closed, which the JDK reports through internal exception types): the
     * server either never saw the request or will answer the repeat with its first answer. Not after a timeout
     * (the wait would double) or a refused connection (nobody is listening).
     */
    static boolean worthSendingAgain(IOException e) {
        return !(e instanceof HttpTimeoutException) && !(e instanceof ConnectException);
    }

    private GateUnreachableException unreachable(IOException e, String method, String path) {
        if (e instanceof HttpConnectTimeoutException) {
            return new GateUnreachableException(
                    "Could not connect to the gate server at " + base + " within " + seconds(timeout) + ".", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new GateUnreachableException(
                    "The gate server at " + base + " did not answer " + method + " " + path + " within "
                            + seconds(timeout) + ".",
                    e);
        }
        if (e instanceof ConnectException) {
            return new GateUnreachableException(
                    "Could not connect to the gate server at " + base
                            + ": it refused the connection or is not running.",
                    e);
        }
        return new GateUnreachableException(
                "Lost the connection to the gate server at " + base + " during " + method + " " + path + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                e);
    }

    /**
     * GETs a binary answer (an image, a PDF, a spreadsheet) as bytes.
     *
     * @throws GateApiException on a non-2xx answer, with the server's ApiError when it sent one
     * @throws GateUnreachableException when the server can't be reached in time
     */
    byte[] download(String path, String accept, String token) {
        URI uri = URI.create(base + (path.startsWith("/") ? path : "/" + path));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", accept)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(e, "GET", path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GateUnreachableException(
                    "Interrupted while waiting for the gate server at " + base + " to answer.", e);
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw failure(new RawResponse(
                    response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.headers()));
        }
        return response.body();
    }

    /** Maps a non-2xx answer to an exception, reading its ApiError or making one up when the body isn't one. */
    GateApiException failure(RawResponse response) {
        int status = response.status();
        ApiError error = parseApiError(response.body());
        if (error == null) {
            String body = response.body() == null ? "" : response.body().strip();
            if (body.length() > MAX_BODY_IN_MESSAGE) {
                body = body.substring(0, MAX_BODY_IN_MESSAGE) + "…";
            }
            error = new ApiError(
                    status,
                    "http_" + status,
                    "The gate server answered HTTP " + status + (body.isEmpty() ? "." : ": " + body),
                    List.of());
        } else if (error.status() != status || error.problems() == null) {
            error = new ApiError(
                    status, error.error(), error.message(), error.problems() == null ? List.of() : error.problems());
        }
        return new GateApiException(status, error, retryAfter(response.headers()));
    }

    private ApiError parseApiError(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject() || !node.path("message").isTextual()) {
                return null;
            }
            return mapper.treeToValue(node, ApiError.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Duration retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After")
                .map(String::strip)
                .filter(v -> v.matches("[0-9]{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Appends URL-encoded query parameters to a path, given as name, value, name, value…; null values
     * are left out.
     */
    static String withQuery(String path, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Query parameters come in name, value pairs");
        }
        StringJoiner query = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                query.add(encode(String.valueOf(namesAndValues[i])) + "=" + encode(value.toString()));
            }
        }
        return query.length() == 0 ? path : path + (path.contains("?") ? "&" : "?") + query;
    }

    private static String encode(String s) {
        // URLEncoder does HTML-form encoding; "+" for a space is not safe everywhere in a query.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
