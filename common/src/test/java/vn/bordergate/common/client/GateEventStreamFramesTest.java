package vn.bordergate.common.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.json.GateJson;

/** The message handling of {@link GateEventStream}, fed frames directly (the JDK has no WebSocket server). */
class GateEventStreamFramesTest {
    private static final String EVENT =
            "{\"seq\":41,\"sentAt\":\"2030-05-01T08:00:00Z\",\"event\":{\"type\":\"CAMERA_STATUS\","
                    + "\"cameraCode\":\"CAM-1\",\"state\":\"STREAMING\",\"fps\":12.5,\"detail\":null,\"future\":1}}";

    private final List<EventEnvelope> consumed = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private final StubSocket socket = new StubSocket();
    private final EventFrames frames =
            new EventFrames(GateJson.newClientMapper(), consumed::add, new GateEventStream.Listener() {
                @Override
                public void onOpen() {
                    told.add("open");
                }

                @Override
                public void onEvent(EventEnvelope envelope) {
                    told.add("event " + envelope.seq());
                }

                @Override
                public void onClosed(int code, String reason) {
                    told.add("closed " + code + " " + reason);
                }

                @Override
                public void onError(Throwable error) {
                    told.add("error " + error.getMessage());
                }
            });

    @Test
    void joinsFragmentsIntoOneEnvelope() {
        frames.onOpen(socket);
        frames.onText(socket, EVENT.substring(0, 30), false);
        frames.onText(socket, EVENT.substring(30, 90), false);
        assertThat(consumed).isEmpty();
        frames.onText(socket, EVENT.substring(90), true);

        assertThat(consumed)
                .containsExactly(new EventEnvelope(
                        41,
                        Instant.parse("2030-05-01T08:00:00Z"),
                        new CameraStatusEvent("CAM-1", CameraStatusEvent.CameraState.STREAMING, 12.5, null)));
        assertThat(told).containsExactly("open", "event 41");
        assertThat(frames.lastSeq).isEqualTo(41);
        assertThat(socket.requested).isEqualTo(4); // one after open, one after each frame
    }

    @Test
    void anUnreadableEnvelopeInAnArrayLosesOnlyItself() {
        String unknown = EVENT.replace("\"seq\":41", "\"seq\":42").replace("CAMERA_STATUS", "FROM_A_NEWER_SERVER");
        String third = EVENT.replace("\"seq\":41", "\"seq\":43").replace("CAM-1", "CAM-3");
        frames.onOpen(socket);
        frames.onText(socket, "[" + EVENT + "," + unknown + "," + third + "]", true);

        assertThat(consumed).as("told %s", told).extracting(EventEnvelope::seq).containsExactly(41L, 43L);
        // the array is read before its events are handed over, so the bad one is told first
        assertThat(told).containsExactly("open", "error Unreadable event from the gate server", "event 41", "event 43");
        assertThat(frames.lastSeq).isEqualTo(43);
    }

    @Test
    void anArrayOfEnvelopesIsHandedOverOneByOneInOrder() {
        String second = EVENT.replace("\"seq\":41", "\"seq\":42").replace("CAM-1", "CAM-2");
        String batch = "[" + EVENT + "," + second + "]";
        frames.onOpen(socket);
        frames.onText(socket, batch.substring(0, 50), false);
        frames.onText(socket, batch.substring(50), true);

        assertThat(consumed).as("told %s", told).extracting(EventEnvelope::seq).containsExactly(41L, 42L);
        assertThat(consumed.get(1).event())
                .isEqualTo(new CameraStatusEvent("CAM-2", CameraStatusEvent.CameraState.STREAMING, 12.5, null));
        assertThat(told).containsExactly("open", "event 41", "event 42");
        assertThat(frames.lastSeq).isEqualTo(42);
        assertThat(socket.requested).isEqualTo(3);
    }

    @Test
    void anArrayHoldingSomethingElseThanEnvelopesIsReportedAsUnreadable() {
        frames.onOpen(socket);
        frames.onText(socket, "[" + EVENT + ",3]", true);
        frames.onText(socket, "[" + EVENT, true);

        assertThat(consumed).isEmpty();
        assertThat(told)
                .containsExactly(
                        "open",
                        "error Unreadable event from the gate server",
                        "error Unreadable event from the gate server");
        assertThat(frames.open).isTrue();
    }

    @Test
    void anUnreadableMessageIsReportedAndTheNextOneStillRead() {
        frames.onOpen(socket);
        frames.onText(socket, "not json", true);
        frames.onText(socket, EVENT, true);

        assertThat(told).hasSize(3);
        assertThat(told.get(1)).isEqualTo("error Unreadable event from the gate server");
        assertThat(consumed).hasSize(1);
        assertThat(frames.open).isTrue();
    }

    @Test
    void aFailingConsumerIsReportedWithoutBreakingTheStream() {
        EventFrames failing = new EventFrames(
                GateJson.newClientMapper(),
                e -> {
                    throw new IllegalStateException("boom");
                },
                new GateEventStream.Listener() {
                    @Override
                    public void onError(Throwable error) {
                        told.add("error " + error.getMessage());
                    }
                });

        failing.onText(socket, EVENT, true);

        assertThat(told).containsExactly("error boom");
        assertThat(socket.requested).isEqualTo(1);
    }

    @Test
    void closeAndErrorAreReported() {
        frames.onOpen(socket);
        frames.onClose(socket, 1001, "going away");
        assertThat(frames.open).isFalse();
        frames.onError(socket, new java.io.IOException("reset"));

        assertThat(told).containsExactly("open", "closed 1001 going away", "error reset");
    }

    /** A WebSocket that only counts how many messages were requested. */
    private static final class StubSocket implements WebSocket {
        int requested;

        @Override
        public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public void request(long n) {
            requested += (int) n;
        }

        @Override
        public String getSubprotocol() {
            return "";
        }

        @Override
        public boolean isOutputClosed() {
            return false;
        }

        @Override
        public boolean isInputClosed() {
            return false;
        }

        @Override
        public void abort() {}
    }
}
