package vn.bordergate.workstation.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.camera.MjpegPreview;

/** The multipart cutter against bytes written by the gate server's own preview writer, split at random. */
class MjpegPartsTest {
    @Test
    void cutsTheServersPartsHoweverTheNetworkSplitsThem() throws IOException {
        Random random = new Random(7);
        List<byte[]> sent = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            byte[] jpeg = new byte[1 + random.nextInt(40_000)];
            random.nextBytes(jpeg);
            jpeg[0] = (byte) 0xFF; // bytes that look like boundaries or headers must not confuse it
            sent.add(jpeg);
            MjpegPreview.writePart(wire, jpeg);
        }
        byte[] stream = wire.toByteArray();
        List<byte[]> received = new ArrayList<>();
        MjpegParts parts = new MjpegParts(received::add);
        int at = 0;
        while (at < stream.length) {
            int n = Math.min(stream.length - at, 1 + random.nextInt(9000));
            parts.accept(ByteBuffer.wrap(stream, at, n));
            at += n;
        }
        assertThat(received).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(Arrays.equals(received.get(i), sent.get(i)))
                    .as("part %d", i)
                    .isTrue();
        }
        assertThat(parts.buffered()).as("nothing piles up").isLessThan(8);
    }

    @Test
    void aPartWithoutLengthOrAnAbsurdOneIsABrokenStream() {
        MjpegParts noLength = new MjpegParts(p -> {});
        assertThatThrownBy(() -> noLength.accept(ByteBuffer.wrap(
                        "--b\r\nContent-Type: image/jpeg\r\n\r\nxx".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Content-Length");
        MjpegParts huge = new MjpegParts(p -> {});
        assertThatThrownBy(() -> huge.accept(ByteBuffer.wrap(
                        "--b\r\nContent-Length: 999999999\r\n\r\n".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(IllegalStateException.class);
    }
}
