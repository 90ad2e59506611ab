package vn.bordergate.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.jetty.io.EofException;

/**
 * Counts and times every HTTP request ({@code gate_http_requests_seconds}), by method, answer status
 * class and API area ({@code /api/crossings/123/fees} counts as {@code /api/crossings}): ids in the path
 * would give every crossing a time series of its own. For the same reason the areas and methods a client can invent
 * are bounded (a client sending {@code GET /a1}, {@code /a2}, … would otherwise grow the heap by a timer each): an area
 * gets a series of its own once a request to it was answered 2xx or 3xx (junk paths never are, so a flood of them
 * cannot crowd the real areas out), at most {@link #MOST_AREAS}; the rest count as area {@code other}, and methods HTTP
 * does not define as {@code OTHER}.
 */
public final class RequestTiming implements Filter {
    static final int MOST_AREAS = 64;
    static final String OTHER = "other";
    /** The status of requests whose connection failed while they were answered. */
    static final String ABORTED = "aborted";

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final MeterRegistry registry;
    /** The timers built so far: building one per request was a few per cent of a plate read's request thread. */
    private final ConcurrentMap<Series, Timer> timers = new ConcurrentHashMap<>();

    private final Set<String> areas = ConcurrentHashMap.newKeySet();

    private record Series(String method, String area, String status) {}

    public RequestTiming(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        String escaped = "5xx";
        try {
            chain.doFilter(req, res);
            escaped = null;
        } catch (IOException | ServletException | RuntimeException e) {
            // the connection failed under the answer (a client gone mid-response): not the server's error, also when
            // Jersey wraps it (ServletException, ContainerException); any other failure (a file a resource could not
            // read, a bug) is the server's 5xx
            escaped = lostConnection(e) ? ABORTED : "5xx";
            throw e;
        } finally {
            if (escaped == null && req.isAsyncStarted()) {
                // answered later (a plate read, by its writer): timed and counted when the exchange ends
                req.getAsyncContext().addListener(new Ended(start));
            } else {
                record((HttpServletRequest) req, (HttpServletResponse) res, escaped, start);
            }
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, String escaped, long start) {
        // what else escaped the chain is answered 500 further out; the response still says 200 here
        int status = escaped != null ? 500 : response.getStatus();
        timers.computeIfAbsent(
                        new Series(
                                method(request.getMethod()),
                                bounded(area(decodedPath(request)), status),
                                escaped != null ? escaped : (status / 100) + "xx"),
                        this::timer)
                .record(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Times an asynchronous request when its exchange ends: answered, or its connection failed. */
    private final class Ended implements AsyncListener {
        private final long start;

        Ended(long start) {
            this.start = start;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(
                    (HttpServletRequest) event.getSuppliedRequest(),
                    (HttpServletResponse) event.getSuppliedResponse(),
                    null,
                    start);
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows (the exchange ends either way); counting here too would count it twice
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // as onError
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted by this gate
        }
    }

    /** Whether {@code e} says the client's connection was lost or closed: Jetty's {@link EofException}, a closed channel. */
    static boolean lostConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private Timer timer(Series series) {
        return Timer.builder("gate_http_requests")
                .description("HTTP requests answered")
                .tag("method", series.method())
                .tag("area", series.area())
                .tag("status", series.status())
                .publishPercentileHistogram(false)
                .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(50),
                        Duration.ofMillis(200),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5))
                .register(registry);
    }

    private static String method(String method) {
        return method != null && METHODS.contains(method) ? method : "OTHER";
    }

    /** The area once it answered a request well, while fewer than {@link #MOST_AREAS} did (racing ones may pass it). */
    private String bounded(String area, int status) {
        if (areas.contains(area)) {
            return area;
        }
        if (status < 200 || status >= 400 || areas.size() >= MOST_AREAS) {
            return OTHER;
        }
        areas.add(area);
        return area;
    }

    /**
     * The path as the resources matched it: decoded, without {@code ;parameters}. The raw URI would make
     * {@code /api/health;1}, {@code /api/health;2} or {@code /api/%68ealth}, all answered by the health resource, areas of
     * their own, and a client could fill every area slot with them.
     */
    private static String decodedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
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
