package vn.bordergate.server.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The reference point for HTTP: the same Jetty as the gate server, the same thread pool size, a
 * handler answering a constant JSON body (a POST's body is read first). Run as its own JVM by the load
 * benchmark; prints its port.
 */
public final class BareJettyMain {
    private static final ByteBuffer BODY = ByteBuffer.wrap("{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8))
            .asReadOnlyBuffer();

    private BareJettyMain() {}

    public static void main(String[] args) throws Exception {
        Server server = new Server(new QueuedThreadPool(200, 8, 60_000));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if ("POST".equals(request.getMethod())) {
                    // a request body is read whole, as a real resource would (the plate-read reference)
                    Content.Source.asString(request, StandardCharsets.UTF_8);
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, BODY.slice(), callback);
                return true;
            }
        });
        server.start();
        System.out.println("PORT " + connector.getLocalPort());
        System.out.flush();
        server.join();
    }
}
