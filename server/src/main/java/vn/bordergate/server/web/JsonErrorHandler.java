package vn.bordergate.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import vn.bordergate.common.dto.ApiError;

/**
 * Errors Jetty answers itself, before any resource runs (a body over the size limit, a malformed
 * HTTP request), in the same JSON shape as every other error instead of an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper json;

    public JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object attribute = request.getAttribute(ERROR_STATUS);
        int status = attribute instanceof Integer code ? code : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        String message =
                switch (status) {
                    case 413 -> "the request body is too large";
                    case 400 -> "the HTTP request is malformed";
                    case 404 -> "there is no such resource";
                    default -> HttpStatus.getMessage(status);
                };
        byte[] body;
        try {
            body = json.writeValueAsBytes(new ApiError(status, "http_" + status, message, List.of()));
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + status + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
