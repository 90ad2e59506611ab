package vn.bordergate.common.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.json.GateJson;

/**
 * A subscription to the gate server's events ({@code ws(s)://host/api/events}): each text message is
 * read as an {@link EventEnvelope}, or as a JSON array of them (events that piled up while the previous
 * message was on its way, in order), and each is handed to the consumer, then to {@link Listener#onEvent}.
 * Reconnecting is the caller's job: watch {@link Listener#onClosed}, {@link Listener#onError} or
 * {@link #isOpen()}. Listener methods run on the HTTP client's threads, one at a time.
 */
public final class GateEventStream implements AutoCloseable {
    /** Close code sent by {@link #close()}. */
    public static final int NORMAL_CLOSURE = WebSocket.NORMAL_CLOSURE;

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    /** What happens to the stream; every method does nothing unless overridden. */
    public interface Listener {
        default void onOpen() {}

        default void onEvent(EventEnvelope envelope) {}

        default void onClosed(int code, String reason) {}

        /** The connection failed, or a message could not be read or handled (the stream stays open then). */
        default void onError(Throwable error) {}
    }

    private final WebSocket webSocket;
    private final EventFrames frames;

    private GateEventStream(WebSocket webSocket, EventFrames frames) {
        this.webSocket = webSocket;
        this.frames = frames;
    }

    /**
     * Connects and waits for the handshake (up to {@code timeout}).
     *
     * @param httpClient the client to connect with, null for a new one
     * @param baseUri the server's http(s) address; the path {@code /api/events} is added
     * @param token the bearer token sent in {@code Authorization}, null for none
     * @param events receives each event, may be null
     * @param listener is told of open, events, close and errors, may be null
     * @throws GateApiException when the server refuses the handshake (e.g. 401, 403)
     * @throws GateUnreachableException when the server can't be reached in time
     */
    public static GateEventStream connect(
            HttpClient httpClient,
            URI baseUri,
            String token,
            Consumer<EventEnvelope> events,
            Listener listener,
            Duration timeout) {
        CompletableFuture<GateEventStream> future = connectAsync(httpClient, baseUri, token, events, listener, timeout);
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(baseUri, e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new GateUnreachableException(
                    "The gate server at " + baseUri + " did not accept the event connection in time.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new GateUnreachableException("Interrupted while connecting to the gate server's events.", e);
        }
    }

    /** As {@link #connect}, without waiting; the future fails with the same exceptions. */
    public static CompletableFuture<GateEventStream> connectAsync(
            HttpClient httpClient,
            URI baseUri,
            String token,
            Consumer<EventEnvelope> events,
            Listener listener,
            Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        URI uri = eventsUri(baseUri);
        HttpClient client = httpClient != null
                ? httpClient
                : HttpClient.newBuilder().connectTimeout(timeout).build();
        EventFrames frames = new EventFrames(
                GateJson.newClientMapper(),
                events == null ? e -> {} : events,
                listener == null ? new Listener() {} : listener);
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.buildAsync(uri, frames).handle((ws, error) -> {
            if (error != null) {
                throw failure(baseUri, error);
            }
            return new GateEventStream(ws, frames);
        });
    }

    /** {@code http://host:port/base} → {@code ws://host:port/base/api/events} (https → wss). */
    static URI eventsUri(URI baseUri) {
        String scheme = Objects.requireNonNull(baseUri, "baseUri").getScheme();
        String wsScheme;
        if ("http".equalsIgnoreCase(scheme) || "ws".equalsIgnoreCase(scheme)) {
            wsScheme = "ws";
        } else if ("https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme)) {
            wsScheme = "wss";
        } else {
            throw new IllegalArgumentException("The gate server address must be http(s)://host[:port], not " + baseUri);
        }
        String rest = baseUri.toString().substring(scheme.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return URI.create(wsScheme + rest + "/api/events?batch=1");
    }

    private static RuntimeException failure(URI baseUri, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof GateApiException || cause instanceof GateUnreachableException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            return new GateApiException(
                    status,
                    new ApiError(
                            status,
                            "http_" + status,
                            "The gate server refused the event connection (HTTP " + status + ").",
                            List.of()));
        }
        if (cause instanceof HttpTimeoutException) {
            return new GateUnreachableException(
                    "The gate server at " + baseUri + " did not accept the event connection in time.", cause);
        }
        return new GateUnreachableException(
                "Could not open the event connection to the gate server at " + baseUri + ": "
                        + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
                cause);
    }

    /** True until the connection closes or fails (or {@link #close()} is called). */
    public boolean isOpen() {
        return frames.open && !webSocket.isInputClosed() && !webSocket.isOutputClosed();
    }

    /** The sequence number of the last event received, -1 before any. */
    public long lastSeq() {
        return frames.lastSeq;
    }

    /** Closes the connection normally; aborts it if the server does not answer the close in a few seconds. */
    public void close() {
        frames.open = false;
        if (webSocket.isOutputClosed()) {
            webSocket.abort();
            return;
        }
        webSocket.sendClose(NORMAL_CLOSURE, "client closed").whenComplete((ws, error) -> {
            if (error != null) {
                webSocket.abort();
            }
        });
        CompletableFuture.delayedExecutor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (!webSocket.isInputClosed()) {
                        webSocket.abort();
                    }
                });
    }
}
