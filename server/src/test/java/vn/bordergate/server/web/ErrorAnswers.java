package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.json.GateJson;

/** Checks that an error answer is the documented {@code ApiError} JSON, with nothing of the server's insides. */
final class ErrorAnswers {
    /** Strict: an error body with a field ApiError does not have is itself a defect. */
    static final ObjectMapper STRICT = GateJson.newMapper();

    private static final String[] STACK_TRACE_MARKERS = {
        "Exception", "\tat ", ".java:", "org.hibernate", "org.glassfish", "org.eclipse.jetty", "org.apache.derby"
    };

    private ErrorAnswers() {}

    /**
     * Asserts the answer is a 4xx carrying an {@code ApiError} body (JSON content type, status in the
     * body equal to the HTTP status, a code and a message) without any stack trace, and returns it.
     */
    static ApiError clientError(String what, RawResponse response) {
        assertThat(response.status())
                .as("%s: a 4xx, never a 5xx (body: %s)", what, response.body())
                .isBetween(400, 499);
        return apiError(what, response);
    }

    /** As {@link #clientError} without the 4xx check: any error status with an ApiError body. */
    static ApiError apiError(String what, RawResponse response) {
        assertThat(response.header("Content-Type"))
                .as("%s: Content-Type of the %d answer (body: %s)", what, response.status(), response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        String body = response.body();
        for (String marker : STACK_TRACE_MARKERS) {
            assertThat(body)
                    .as("%s: the error body shows none of the server's insides", what)
                    .doesNotContain(marker);
        }
        ApiError error;
        try {
            error = STRICT.readValue(body, ApiError.class);
        } catch (JsonProcessingException e) {
            return fail(what + ": the error body is not an ApiError: " + body, e);
        }
        assertThat(error.status()).as("%s: status inside the ApiError", what).isEqualTo(response.status());
        assertThat(error.error()).as("%s: error code", what).isNotBlank();
        assertThat(error.message()).as("%s: message", what).isNotBlank();
        assertThat(error.problems())
                .as("%s: problems (may be empty, never null)", what)
                .isNotNull();
        return error;
    }
}
