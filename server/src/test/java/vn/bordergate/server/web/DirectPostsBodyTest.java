package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How {@link DirectPosts} reads a body of a known length; the route itself is {@link PlateReadPostsTest}'s. */
class DirectPostsBodyTest {
    private static final byte[] READ =
            "{\"cameraCode\":\"CAM-1\",\"text\":\"29C-123.45\",\"confidence\":0.91}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyOfItsSaidLengthIsReadWhole() throws IOException {
        assertThat(DirectPosts.bodyBytes(new ByteArrayInputStream(READ), READ.length))
                .isEqualTo(READ);
    }

    @Test
    void aStreamEndingBeforeItsSaidLengthGivesWhatItHad() throws IOException {
        byte[] read = DirectPosts.bodyBytes(new ByteArrayInputStream(READ, 0, 10), READ.length);

        assertThat(read).hasSize(10).isEqualTo(java.util.Arrays.copyOf(READ, 10));
    }

    @Test
    void aStreamGivingItsBytesInPiecesIsReadToTheEnd() throws IOException {
        InputStream trickle = new ByteArrayInputStream(READ) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3)); // as a socket may: a few bytes a call
            }
        };

        assertThat(DirectPosts.bodyBytes(trickle, READ.length)).isEqualTo(READ);
    }

    @Test
    void aBodyWithoutAUsableLengthIsReadToItsEnd() throws IOException {
        assertThat(DirectPosts.bodyBytes(new ByteArrayInputStream(READ), -1)).isEqualTo(READ);
        assertThat(DirectPosts.bodyBytes(new ByteArrayInputStream(READ), 1L << 40))
                .isEqualTo(READ);
    }
}
