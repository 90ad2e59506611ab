package vn.bordergate.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * Counts and times every HTTP request ({@code gate_http_requests_seconds}), by method, answer status
 * class and API area ({@code /api/crossings/123/fees} counts as {@code /api/crossings}): ids in the path
 * would give every crossing a time series of its own.
 */
public final class RequestTiming implements Filter {
    private final MeterRegistry registry;

    public RequestTiming(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            HttpServletRequest request = (HttpServletRequest) req;
            int status = ((HttpServletResponse) res).getStatus();
            Timer.builder("gate_http_requests")
                    .description("HTTP requests answered")
                    .tag("method", request.getMethod())
                    .tag("area", area(request.getRequestURI()))
                    .tag("status", (status / 100) + "xx")
                    .publishPercentileHistogram(false)
                    .serviceLevelObjectives(
                            Duration.ofMillis(10),
                            Duration.ofMillis(50),
                            Duration.ofMillis(200),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(5))
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The first two path segments: {@code /api/crossings}, {@code /api/health}, {@code /openapi.json}. */
    static String area(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "/";
        }
        String[] parts = uri.split("/", 4);
        if (parts.length >= 3 && parts[1].equals("api")) {
            return "/api/" + parts[2];
        }
        return parts.length >= 2 ? "/" + parts[1] : "/";
    }
}
