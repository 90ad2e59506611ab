package vn.bordergate.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        answering(context, "/api/broken/*", resp -> {
            throw new IllegalStateException("a bug in a resource");
        });
        // what Jetty throws when the client has closed the connection under a response being written
        answering(context, "/api/gone/*", resp -> {
            throw new EofException("client gone");
        });
        // the same, as Jersey passes it on: wrapped in a ServletException, or in its ContainerException (a runtime one)
        answering(context, "/api/wrapped/*", resp -> {
            throw new ServletException(new EofException("client gone"));
        });
        answering(context, "/api/contained/*", resp -> {
            throw new UncheckedIOException(new EofException("client gone"));
        });
        answering(context, "/api/disk/*", resp -> {
            throw new IOException("a file the resource could not read");
        });
        answering(context, "/api/fine/*", resp -> resp.setStatus(204));
        CountDownLatch longAnswerEnded = new CountDownLatch(1);
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        // far more than the socket buffers hold: writing blocks until the client reads or leaves
                        byte[] chunk = new byte[64 * 1024];
                        try (OutputStream out = resp.getOutputStream()) {
                            for (int i = 0; i < 4096; i++) {
                                out.write(chunk);
                            }
                        } finally {
                            longAnswerEnded.countDown();
                        }
                    }
                }),
                "/api/long/*");
        server.setHandler(context);
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
            for (String path : new String[] {
                "/api/broken/1", "/api/gone/2", "/api/wrapped/6", "/api/contained/7", "/api/disk/3", "/api/fine/4"
            }) {
                http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
            }
            // a client that really goes away in the middle of a long answer
            try (Socket client = new Socket("127.0.0.1", connector.getLocalPort())) {
                client.getOutputStream()
                        .write("GET /api/long/5 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getInputStream().readNBytes(1024);
                client.setSoLinger(true, 0); // a reset, as a crashed client's
            }
            assertThat(longAnswerEnded.await(30, TimeUnit.SECONDS)).isTrue();
            // the filter times the answer just after the servlet gives up on it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (count(registry, RequestTiming.ABORTED) + count(registry, "5xx") < 6
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            server.stop();
        }
        assertThat(count(registry, "5xx")).as("the bug and the disk's failure").isEqualTo(2);
        assertThat(count(registry, RequestTiming.ABORTED))
                .as("the thrown EofException, bare and wrapped twice, and the client really gone")
                .isEqualTo(4);
        assertThat(count(registry, "2xx")).isEqualTo(1);
        assertThat(registry.get("gate_http_requests")
                        .tag("status", "2xx")
                        .timer()
                        .getId()
                        .getTag("area"))
                .isEqualTo("/api/fine");
    }

    /** What a resource's GET does with its answer; it may fail as a resource can. */
    private interface Get {
        void answer(HttpServletResponse response) throws IOException, ServletException;
    }

    private static void answering(ServletContextHandler context, String path, Get get) {
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp)
                            throws IOException, ServletException {
                        get.answer(resp);
                    }
                }),
                path);
    }

    private static long count(SimpleMeterRegistry registry, String status) {
        return registry.find("gate_http_requests").tag("status", status).timers().stream()
                .mapToLong(t -> t.count())
                .sum();
    }
}
