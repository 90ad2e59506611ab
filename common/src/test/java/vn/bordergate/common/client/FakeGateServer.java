package vn.bordergate.common.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A stand-in for the gate server: records each request and answers what the test told it to. */
final class FakeGateServer implements AutoCloseable {

    /** One request as the server received it. */
    record Received(String method, URI uri, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CopyOnWriteArrayList<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String body = "{}";
    private volatile Map<String, String> headers = Map.of();
    private volatile long delayMillis;
    private final java.util.concurrent.atomic.AtomicInteger toDrop = new java.util.concurrent.atomic.AtomicInteger();

    FakeGateServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] requestBody = exchange.getRequestBody().readAllBytes();
                received.add(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI(),
                        exchange.getRequestHeaders(),
                        requestBody));
                if (toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return; // closing the exchange before any answer closes the connection: no byte is sent
                }
                if (delayMillis > 0) {
                    stopping.await(delayMillis, TimeUnit.MILLISECONDS);
                }
                byte[] answer = body.getBytes(StandardCharsets.UTF_8);
                if (contentType != null) {
                    exchange.getResponseHeaders().set("Content-Type", contentType);
                }
                headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    exchange.getResponseBody().write(answer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeGateServer answer(int status, String body) {
        return answer(status, "application/json", body);
    }

    FakeGateServer answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        return this;
    }

    FakeGateServer withHeaders(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
        return this;
    }

    FakeGateServer delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** The next {@code requests} requests are read and their connection closed without an answer. */
    FakeGateServer dropConnection(int requests) {
        toDrop.set(requests);
        return this;
    }

    Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the fake server received no request");
        }
        return received.get(received.size() - 1);
    }

    int count() {
        return received.size();
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
