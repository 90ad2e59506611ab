package vn.bordergate.common.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.dto.ApiError;

/**
 * The JSON calls {@link GateClient} and its area clients make over {@link JsonHttp}: each sends the bearer
 * token they share (so a login through one is seen by all) and reads the answer or throws.
 */
final class GateCalls {
    private final JsonHttp http;
    private volatile String token;

    GateCalls(JsonHttp http) {
        this.http = http;
    }

    String token() {
        return token;
    }

    void token(String token) {
        this.token = token;
    }

    <T> T get(String path, Class<T> type) {
        return call("GET", path, null, http.type(type), token, null);
    }

    <T> List<T> list(String path, Class<T> element) {
        return call("GET", path, null, http.listOf(element), token, null);
    }

    <T> T post(String path, Object body, Class<T> type, String idempotencyKey) {
        return call("POST", path, body, http.type(type), token, idempotencyKey);
    }

    <T> T put(String path, Object body, Class<T> type, String idempotencyKey) {
        return call("PUT", path, body, http.type(type), token, idempotencyKey);
    }

    /** Reads an answer {@link #exchange} got, as {@link #get} or {@link #post} would. */
    <T> T read(RawResponse response, String method, String path, Class<T> type) {
        return read(response, method, path, http.type(type));
    }

    /** Posts without the bearer token: a login stands on the credentials it carries. */
    <T> T postWithoutToken(String path, Object body, Class<T> type) {
        return call("POST", path, body, http.type(type), null, null);
    }

    byte[] download(String path, String accept) {
        return http.download(path, accept, token);
    }

    RawResponse exchange(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        return http.exchange(method, path, token, contentType, body, headers);
    }

    /**
     * Sends a JSON request (no body when {@code body} is null) and reads a JSON answer.
     *
     * @throws GateApiException on a non-2xx answer or an unreadable body
     * @throws GateUnreachableException when the server can't be reached in time
     */
    private <T> T call(String method, String path, Object body, JavaType answer, String token, String idempotencyKey) {
        Map<String, String> headers =
                idempotencyKey == null ? Map.of() : Map.of(JsonHttp.IDEMPOTENCY_KEY, idempotencyKey);
        return read(
                http.exchange(method, path, token, body == null ? null : JsonHttp.JSON, http.toJson(body), headers),
                method,
                path,
                answer);
    }

    /**
     * Reads the JSON answer to {@code method path}.
     *
     * @throws GateApiException on a non-2xx answer or an unreadable body
     */
    private <T> T read(RawResponse response, String method, String path, JavaType answer) {
        if (!response.isSuccess()) {
            throw http.failure(response);
        }
        try {
            return http.mapper().readValue(response.body(), answer);
        } catch (JsonProcessingException e) {
            throw new GateApiException(
                    response.status(),
                    new ApiError(
                            response.status(),
                            "unreadable_response",
                            "The gate server's answer to " + method + " " + path + " could not be read: "
                                    + e.getOriginalMessage(),
                            List.of()));
        }
    }
}
