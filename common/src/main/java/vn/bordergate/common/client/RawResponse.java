package vn.bordergate.common.client;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * An answer as the server sent it, whatever its status: for tests and tools that send odd requests.
 *
 * @param status the HTTP status code
 * @param body the body decoded as UTF-8, empty when there was none
 * @param headers the response headers
 */
public record RawResponse(int status, String body, HttpHeaders headers) {

    /** The first value of a response header, if the server sent it. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** True for a 2xx status. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
