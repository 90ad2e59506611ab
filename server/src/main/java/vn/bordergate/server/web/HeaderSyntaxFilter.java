package vn.bordergate.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import vn.bordergate.common.dto.ApiError;

/**
 * Refuses a request whose Content-Type or Accept header can't even be parsed, with the usual JSON
 * error. Left to Jersey, such a request gets a bare 400 with no body, before any of our code runs.
 */
public final class HeaderSyntaxFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient ObjectMapper json;

    public HeaderSyntaxFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int contentTypes = Collections.list(request.getHeaders("Content-Type")).size();
        if (contentTypes > 1) {
            // Jersey would answer a bare 400 with no body: say what is wrong instead
            refuse(
                    response,
                    400,
                    "the request has " + contentTypes + " Content-Type headers; send one, application/json");
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !parses(contentType)) {
            refuse(
                    response,
                    415,
                    "the Content-Type header '" + shorten(contentType) + "' is not a media type;"
                            + " send application/json");
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept != null) {
            for (String part : accept.split(",")) {
                if (!part.isBlank() && !parses(part.strip())) {
                    refuse(response, 400, "the Accept header '" + shorten(accept) + "' can't be read");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean parses(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), new ApiError(status, "http_" + status, message, List.of()));
    }

    private static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
