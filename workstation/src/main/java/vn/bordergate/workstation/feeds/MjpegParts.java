package vn.bordergate.workstation.feeds;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Cuts a {@code multipart/x-mixed-replace} byte stream (the gate server's camera preview) into its JPEG
 * parts, however the network splits the bytes. Each part is {@code --boundary}, headers with a
 * {@code Content-Length}, a blank line, the bytes; parts without a length are refused rather than
 * guessed at, and a part over {@link #MAX_PART} means the stream is not what it claims to be.
 */
final class MjpegParts {
    /** Far above a 960-pixel preview frame (about 100 KB): anything larger is a broken stream. */
    static final int MAX_PART = 8 * 1024 * 1024;

    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Consumer<byte[]> parts;
    private byte[] buffer = new byte[64 * 1024];
    private int length;
    private int expected = -1; // bytes of the current part's body still to come, -1 while reading headers

    MjpegParts(Consumer<byte[]> parts) {
        this.parts = parts;
    }

    /** Takes the next bytes of the stream; calls the consumer once per complete part, in order. */
    void accept(ByteBuffer bytes) {
        int n = bytes.remaining();
        ensure(length + n);
        bytes.get(buffer, length, n);
        length += n;
        cut();
    }

    private void cut() {
        int start = 0;
        while (true) {
            if (expected < 0) {
                int end = indexOf(HEADER_END, start);
                if (end < 0) {
                    if (length - start > 16 * 1024) {
                        throw new IllegalStateException("no part headers in the camera preview stream");
                    }
                    break;
                }
                expected = contentLength(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
                start = end + HEADER_END.length;
            }
            if (length - start < expected) {
                break;
            }
            parts.accept(Arrays.copyOfRange(buffer, start, start + expected));
            start += expected;
            expected = -1;
        }
        System.arraycopy(buffer, start, buffer, 0, length - start);
        length -= start;
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                int size;
                try {
                    size = Integer.parseInt(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("a preview part's Content-Length is not a number: " + line);
                }
                if (size < 0 || size > MAX_PART) {
                    throw new IllegalStateException("a preview part of " + size + " bytes: not a camera frame");
                }
                return size;
            }
        }
        throw new IllegalStateException("a preview part without Content-Length");
    }

    private int indexOf(byte[] what, int from) {
        outer:
        for (int i = from; i <= length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (buffer[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void ensure(int capacity) {
        if (capacity > MAX_PART + 64 * 1024) {
            throw new IllegalStateException("the camera preview stream sent more than a frame without a break");
        }
        if (capacity > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(capacity, buffer.length * 2));
        }
    }

    /** For tests: the whole of {@code stream}, cut. */
    static void cutAll(byte[] stream, Consumer<byte[]> parts) {
        new MjpegParts(parts).accept(ByteBuffer.wrap(stream));
    }

    /** Unused bytes buffered now (tests check that nothing piles up). */
    int buffered() {
        return length;
    }
}
