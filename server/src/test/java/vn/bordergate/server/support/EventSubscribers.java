package vn.bordergate.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.event.PlateReadEvent;

/** Workstations on a test gate's event socket that read badly (not at all) or count what they get. */
public final class EventSubscribers {
    /** A plate read that needs an officer, numbered {@code i}: the event the fan-out tests publish. */
    public static PlateReadEvent plateRead(int i, List<MatchCandidateDto> candidates) {
        return new PlateReadEvent(new PlateReadDto(
                i,
                "CAM-L1-IN",
                "L1",
                Instant.now(),
                "36LD-" + i,
                null,
                0.5,
                null,
                null,
                MatchStatus.NEEDS_OFFICER,
                candidates,
                null,
                null));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSubscribers() {}

    /**
     * Drains what the server had sent to a {@link #stalledClient}; true if the connection then ends (the server cut
     * it), false if it is still open after 30 s.
     */
    public static boolean cutByServer(Socket socket) throws IOException {
        // generous: without the server cutting it, the connection lasts until the 30-minute idle timeout
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            while (in.read(buffer) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: the server closed with our unread bytes still in its buffers
        }
    }

    /**
     * A WebSocket handshake by hand on {@code /api/events}, then no reads: with a tiny receive window the server's
     * frames soon pile up in its own buffers, as for a frozen workstation.
     */
    public static Socket stalledClient(TestGate gate, String token, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBufferBytes);
        socket.connect(new InetSocketAddress(gate.uri().getHost(), gate.uri().getPort()), 10_000);
        // for the handshake only: whoever reads the socket later sets its own
        socket.setSoTimeout(10_000);
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/events HTTP/1.1\r\nHost: " + gate.uri().getAuthority()
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                        + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
                        + "Authorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        assertThat(head.toString()).as("the handshake answer").startsWith("HTTP/1.1 101");
        socket.setSoTimeout(0);
        return socket;
    }

    /** Waits up to a minute for the gate to count this many event subscribers; whether it did. */
    public static boolean awaitSubscribers(TestGate gate, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (gate.server().eventSubscribers() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return gate.server().eventSubscribers() == expected;
    }

    /**
     * Counts the plate-read events it gets, and those out of sequence (an unreadable message counts as one). A
     * message is one envelope, or an array of those that piled up while the previous message was sent.
     */
    public static class ReadCounter implements WebSocket.Listener {
        public final AtomicLong received = new AtomicLong();
        public final AtomicLong outOfOrder = new AtomicLong();
        /** Why the socket closed, if it did. */
        public volatile String closed;

        private final StringBuilder partial = new StringBuilder();
        private long lastSeq;

        /** A plate-read envelope of this frame, before it is counted. */
        protected void reading(JsonNode envelope, String frame) {}

        /** A whole frame was counted; the next is asked for after this returns. */
        protected void frameDone() {}

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(frame);
                    for (JsonNode envelope : message.isArray() ? message : List.of(message)) {
                        if (!envelope.path("event").has("read")) {
                            continue; // not one of the test's plate reads
                        }
                        reading(envelope, frame);
                        long seq = envelope.get("seq").asLong();
                        if (seq <= lastSeq) {
                            outOfOrder.incrementAndGet();
                        }
                        lastSeq = seq;
                        received.incrementAndGet();
                    }
                    frameDone();
                } catch (IOException e) {
                    outOfOrder.incrementAndGet(); // an unreadable message fails the test too
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = "close " + statusCode + " " + reason;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = "error " + error;
        }
    }
}
