package vn.bordergate.common.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import vn.bordergate.common.event.EventEnvelope;

/**
 * The WebSocket listener under {@link GateEventStream}: joins fragments into messages and reads them as
 * envelopes.
 */
final class EventFrames implements WebSocket.Listener {
    private final ObjectMapper mapper;
    /** Reads one envelope of an array (the rest of the array follows it). */
    private final ObjectReader element;

    private final Consumer<EventEnvelope> events;
    private final GateEventStream.Listener listener;
    private final StringBuilder message = new StringBuilder();
    volatile boolean open;
    volatile long lastSeq = -1;

    EventFrames(ObjectMapper mapper, Consumer<EventEnvelope> events, GateEventStream.Listener listener) {
        this.mapper = mapper;
        this.element = mapper.readerFor(EventEnvelope.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.events = events;
        this.listener = listener;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        open = true;
        webSocket.request(1);
        safely(listener::onOpen);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        message.append(data);
        if (last) {
            String text = message.toString();
            message.setLength(0);
            deliver(text);
        }
        webSocket.request(1);
        return null;
    }

    /** A message is one envelope, or a JSON array of envelopes the server joined while this client was busy. */
    private void deliver(String text) {
        List<EventEnvelope> envelopes;
        try {
            envelopes = read(text);
        } catch (Exception e) {
            safely(() -> listener.onError(new IllegalStateException("Unreadable event from the gate server", e)));
            return;
        }
        for (EventEnvelope envelope : envelopes) {
            lastSeq = envelope.seq();
            try {
                events.accept(envelope);
                listener.onEvent(envelope);
            } catch (RuntimeException e) {
                safely(() -> listener.onError(e));
            }
        }
    }

    private List<EventEnvelope> read(String text) throws IOException {
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return List.of(mapper.readValue(text, EventEnvelope.class));
            }
            List<EventEnvelope> envelopes = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                // one envelope this client can't read (say, a newer server's event) must not lose the rest
                JsonNode tree = element.readTree(parser);
                try {
                    envelopes.add(element.readValue(tree));
                } catch (IOException | RuntimeException e) {
                    safely(() ->
                            listener.onError(new IllegalStateException("Unreadable event from the gate server", e)));
                }
            }
            if (parser.currentToken() != JsonToken.END_ARRAY || parser.nextToken() != null) {
                throw new IOException("an array of events must hold event objects only");
            }
            return envelopes;
        }
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1); // the server sends text only
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        open = false;
        safely(() -> listener.onClosed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        open = false;
        safely(() -> listener.onError(error));
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // a listener's own failure must not break the connection's machinery
        }
    }
}
