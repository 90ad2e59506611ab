package vn.bordergate.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;
import vn.bordergate.server.metrics.GateMetrics;
import vn.bordergate.server.metrics.LoopbackMetricsServlet;
import vn.bordergate.server.metrics.RequestTiming;
import vn.bordergate.server.ops.Operations;
import vn.bordergate.server.ops.Tls;
import vn.bordergate.server.web.CameraPreviewServlet;
import vn.bordergate.server.web.EventSocketRoute;
import vn.bordergate.server.web.GateApi;
import vn.bordergate.server.web.HeaderSyntaxFilter;
import vn.bordergate.server.web.JsonErrorHandler;
import vn.bordergate.server.web.RequestSizeLimit;

/**
 * The HTTP side of the gate server: Jetty with the API, the camera previews, the event socket and the
 * filters every request passes, built and started by {@link GateServer}.
 */
final class GateJetty {
    /** Larger bodies are refused before they are read: 1 MB holds a declaration with hundreds of goods lines. */
    static final long MAX_REQUEST_BYTES = 1024 * 1024;
    /** A refused body is read and dropped up to this much, so its sender gets the 413 instead of a reset. */
    static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;
    /**
     * How long a stopping Jetty waits for requests in flight: they are short once the writers are closed (a
     * plate read's arrival decisions, a declaration's answer); a request still running then is cut off.
     */
    static final long STOP_TIMEOUT_MILLIS = 10_000;

    private GateJetty() {}

    static Server start(
            ServerOptions options,
            GateApi api,
            EventSocketRoute events,
            CameraPreviewServlet previews,
            ObjectMapper json,
            GateMetrics metrics) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8, 60_000);
        metrics.jetty(threads);
        Server server = new Server(threads);
        server.setStopAtShutdown(false);
        ServerConnector connector = Tls.connector(server, options.operations());
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("gate-api", new ServletContainer(api)), "/*");
        context.addServlet(new ServletHolder("camera-preview", previews), "/api/cameras/preview/*");
        if (options.operations().metricsAccess() == Operations.MetricsAccess.LOOPBACK) {
            context.addServlet(new ServletHolder("metrics", new LoopbackMetricsServlet(metrics)), "/metrics");
        }
        // the filters in front of the plate-read and declaration routes let their requests go asynchronous (answered
        // by the writer)
        context.addFilter(
                asynchronous(new FilterHolder(new RequestTiming(metrics.registry()))),
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(
                asynchronous(new FilterHolder(new RequestSizeLimit(MAX_REQUEST_BYTES, MAX_DRAINED_BYTES, json))),
                "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(
                asynchronous(new FilterHolder(new HeaderSyntaxFilter(json))), "/*", EnumSet.of(DispatcherType.REQUEST));
        // after the size limit and header checks, as Jersey is
        context.addFilter(
                asynchronous(new FilterHolder(api.plateReadPosts())),
                "/api/plate-reads",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(
                asynchronous(new FilterHolder(api.declarationPosts())),
                "/api/declarations",
                EnumSet.of(DispatcherType.REQUEST));
        JettyWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setIdleTimeout(Duration.ofMinutes(30));
            container.setMaxTextMessageSize(64 * 1024);
            container.addMapping("/api/events", events);
        });
        context.setErrorHandler(new JsonErrorHandler(json));

        // a graceful stop: requests in flight when Jetty stops (a plate read or declaration the writers
        // finished at close, still doing its post-commit work) complete and are answered before the
        // connections close; new requests then get 503
        server.setHandler(new GracefulHandler(context));
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setErrorHandler(new JsonErrorHandler(json));
        try {
            server.start();
            return server;
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing: the start failure is the one worth reporting
            }
            throw new IllegalStateException(
                    "the gate server cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(),
                    e);
        }
    }

    private static FilterHolder asynchronous(FilterHolder filter) {
        filter.setAsyncSupported(true);
        return filter;
    }

    static void stopQuietly(Server jetty) {
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // already failing: the start failure is the one worth reporting
            }
        }
    }

    static URI uri(Server jetty) {
        String scheme = jetty.getConnectors()[0].getProtocols().contains("ssl") ? "https" : "http";
        return URI.create(scheme + "://" + host(jetty) + ":" + port(jetty));
    }

    static int port(Server jetty) {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    private static String host(Server jetty) {
        String host = ((ServerConnector) jetty.getConnectors()[0]).getHost();
        return host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host;
    }
}
