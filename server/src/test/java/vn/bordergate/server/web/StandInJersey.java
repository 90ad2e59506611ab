package vn.bordergate.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A Jetty with a {@link DirectPosts} route behind the gate's size and header filters, and in Jersey's place a servlet
 * answering {@link #WENT_ON}: what the route does not take is seen to go on.
 */
final class StandInJersey implements AutoCloseable {
    /** The status of a request that went on past the route. */
    static final int WENT_ON = 299;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Server jetty;
    private final URI base;

    private StandInJersey(Server jetty, URI base) {
        this.jetty = jetty;
        this.base = base;
    }

    static StandInJersey start(DirectPosts<?> route, String path, ObjectMapper json) throws Exception {
        Server jetty = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(
                new ServletHolder(new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response)
                            throws IOException {
                        response.setStatus(WENT_ON); // Jersey's place
                        response.getWriter().write("went on");
                    }
                }),
                "/*");
        var requests = EnumSet.of(DispatcherType.REQUEST);
        // as the gate server's: the filters in front of a route that answers later let it go asynchronous
        context.addFilter(
                asynchronous(new FilterHolder(new RequestSizeLimit(1024 * 1024, 64L * 1024 * 1024, json))),
                "/*",
                requests);
        context.addFilter(asynchronous(new FilterHolder(new HeaderSyntaxFilter(json))), "/*", requests);
        context.addFilter(asynchronous(new FilterHolder(route)), path, requests);
        jetty.setHandler(context);
        jetty.start();
        return new StandInJersey(
                jetty, URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort()));
    }

    private static FilterHolder asynchronous(FilterHolder filter) {
        filter.setAsyncSupported(true);
        return filter;
    }

    URI base() {
        return base;
    }

    /** A POST to {@code path} with the bearer {@code token} and {@code contentType} (each left out when null). */
    HttpResponse<String> post(String token, String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
