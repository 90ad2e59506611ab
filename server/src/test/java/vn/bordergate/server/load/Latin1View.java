package vn.bordergate.server.load;

import java.nio.charset.StandardCharsets;

/**
 * Bytes read as Latin-1 characters, without copying: how {@link JettyListenerSockets} hands a message's UTF-8 bytes to
 * {@link EnvelopeScan}, which only looks for ASCII. Valid until the next read of its socket.
 */
final class Latin1View implements CharSequence {
    private byte[] bytes;
    private int offset;
    private int length;

    Latin1View over(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes[offset + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, offset + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
