package vn.bordergate.server.metrics;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} without a token, for a Prometheus or node agent on the gate host itself
 * ({@code metrics.access = loopback}): any caller not on a loopback address gets 403. API tokens expire
 * after 12 hours, which a scraper cannot renew; the token-protected {@code /api/metrics} serves the rest.
 */
public final class LoopbackMetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient GateMetrics metrics;

    public LoopbackMetricsServlet(GateMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (!isLoopback(request.getRemoteAddr())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"status\":403,\"error\":\"forbidden\",\"message\":"
                            + "\"/metrics answers only this host; elsewhere use /api/metrics with a token\"}");
            return;
        }
        response.setContentType("text/plain; version=0.0.4");
        response.getWriter().write(metrics.scrape());
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
