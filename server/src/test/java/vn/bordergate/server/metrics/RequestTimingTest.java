package vn.bordergate.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** What escapes the servlet chain is timed by its cause: the server's error, or a connection lost under the answer. */
class RequestTimingTest {
    @Test
    void anExceptionIsA5xxAndALostConnectionIsAbortedNotTheServersError() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new RequestTiming(registry)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                        throw new IllegalStateException("a bug in a resource");
                    }
                }),
                "/api/broken/*");
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws EofException {
                        // what Jetty throws when the client has closed the connection under a response being written
                        throw new EofException("client gone");
                    }
                }),
                "/api/gone/*");
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                        resp.setStatus(204);
                    }
                }),
                "/api/fine/*");
        server.setHandler(context);
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
            for (String path : new String[] {"/api/broken/1", "/api/gone/2", "/api/fine/3"}) {
                http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            server.stop();
        }
        assertThat(count(registry, "5xx")).isEqualTo(1);
        assertThat(count(registry, RequestTiming.ABORTED)).isEqualTo(1);
        assertThat(count(registry, "2xx")).isEqualTo(1);
        assertThat(registry.get("gate_http_requests")
                        .tag("status", "2xx")
                        .timer()
                        .getId()
                        .getTag("area"))
                .isEqualTo("/api/fine");
    }

    private static long count(SimpleMeterRegistry registry, String status) {
        return registry.find("gate_http_requests").tag("status", status).timers().stream()
                .mapToLong(t -> t.count())
                .sum();
    }
}
