package vn.bordergate.server.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The listener JVM's WebSocket client, on plain NIO: a few reader threads, each with a selector, read the
 * server's frames as bytes and hand each text message on as a {@link Latin1View} of them: no UTF-8 decoding,
 * no per-message futures, no copy unless a message comes in several frames. {@code java.net.http}'s client cost
 * the listener JVM about four times more per envelope, which on the shared two cores showed up as fan-out lag.
 * What is measured does not change: every message is handed on whole, in order, and the receiver still reads
 * every envelope's sequence number and {@code sentAt}.
 */
final class WireSockets implements AutoCloseable {
    /** Told on the reader threads; one socket's calls come from one thread, in order. */
    interface Receiver {
        void message(int index, CharSequence text);

        /** The server closed the socket or it failed. */
        void lost(int index);
    }

    private static final int FIRST_BUFFER = 128 * 1024;

    private final URI uri;
    private final String token;
    private final Receiver receiver;
    private final List<Reader> readers = new ArrayList<>();
    private final Queue<Wire> open = new ConcurrentLinkedQueue<>();
    private volatile boolean closing;

    WireSockets(URI uri, String token, int threads, Receiver receiver) throws IOException {
        this.uri = uri;
        this.token = token;
        this.receiver = receiver;
        for (int i = 0; i < threads; i++) {
            Reader reader = new Reader(Selector.open());
            Thread thread = new Thread(reader, "wire-reader-" + i);
            thread.setDaemon(true);
            thread.start();
            readers.add(reader);
        }
    }

    /** Opens socket {@code index} (the handshake on this thread) and hands it to a reader thread. */
    void connect(int index) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
            Wire wire = new Wire(index, channel);
            wire.handshake();
            channel.configureBlocking(false);
            open.add(wire);
            Reader reader = readers.get(index % readers.size());
            reader.pending.add(wire);
            reader.selector.wakeup();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    int openCount() {
        return open.size();
    }

    @Override
    public void close() {
        closing = true;
        for (Wire wire : open) {
            wire.closeQuietly();
        }
        readers.forEach(reader -> reader.selector.wakeup()); // their loops end (daemon threads, ending with the JVM)
    }

    private final class Reader implements Runnable {
        final Selector selector;
        final Queue<Wire> pending = new ConcurrentLinkedQueue<>();

        Reader(Selector selector) {
            this.selector = selector;
        }

        @Override
        public void run() {
            try {
                while (!closing) {
                    selector.select();
                    for (Wire wire = pending.poll(); wire != null; wire = pending.poll()) {
                        // bytes that came with the handshake's answer are read before waiting for more
                        serve(wire.channel.register(selector, SelectionKey.OP_READ, wire), wire::frames);
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        serve(key, ((Wire) key.attachment())::read);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | RuntimeException e) {
                if (!closing) {
                    throw new IllegalStateException("listener reader failed", e);
                }
            }
        }

        private void serve(SelectionKey key, Step step) {
            boolean alive;
            try {
                alive = step.take();
            } catch (IOException | RuntimeException e) {
                alive = false;
            }
            if (!alive) {
                key.cancel();
                ((Wire) key.attachment()).lost();
            }
        }
    }

    private interface Step { // what a reader does with a socket's bytes; false when the socket is gone
        boolean take() throws IOException;
    }

    /** One socket: its receive buffer and the text of a message that came in several frames. */
    private final class Wire {
        final int index;
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(FIRST_BUFFER);
        byte[] fragments = new byte[0];
        int fragmentLength;
        boolean fragmented;
        final Latin1View view = new Latin1View();

        Wire(int index, SocketChannel channel) {
            this.index = index;
            this.channel = channel;
        }

        void handshake() throws IOException {
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            int end;
            while ((end = headEnd()) < 0) {
                if (!in.hasRemaining() || channel.read(in) < 0) {
                    throw new IOException("no handshake answer");
                }
            }
            String head = new String(in.array(), 0, end, StandardCharsets.US_ASCII);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException(
                        "handshake refused: " + head.lines().findFirst().orElse(""));
            }
            in.flip().position(end);
            in.compact(); // what follows the answer is the first frames
        }

        private int headEnd() {
            byte[] a = in.array();
            for (int i = 3; i < in.position(); i++) {
                if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
                    return i + 1;
                }
            }
            return -1;
        }

        /** Reads what the socket has; false when the server closed it. */
        boolean read() throws IOException {
            if (channel.read(in) < 0) {
                return false;
            }
            return frames();
        }

        /** Hands on every whole frame in the buffer; false on a close frame. */
        boolean frames() throws IOException {
            in.flip();
            try {
                return wholeFrames();
            } finally {
                in.compact(); // the start of a frame not yet complete moves to the front
            }
        }

        private boolean wholeFrames() throws IOException {
            byte[] a = in.array();
            while (in.remaining() >= 2) {
                int at = in.position();
                int b0 = a[at] & 0xff;
                int b1 = a[at + 1] & 0xff;
                long length = b1 & 0x7f;
                int header = 2;
                if (length == 126) {
                    if (in.remaining() < 4) {
                        break;
                    }
                    length = ((a[at + 2] & 0xff) << 8) | (a[at + 3] & 0xff);
                    header = 4;
                } else if (length == 127) {
                    if (in.remaining() < 10) {
                        break;
                    }
                    length = in.getLong(at + 2);
                    header = 10;
                }
                if ((b1 & 0x80) != 0) {
                    throw new IOException("a server frame must not be masked");
                }
                if (header + length > in.capacity()) {
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.max(header + length, 2L * in.capacity()));
                    in = bigger.put(in).flip(); // the same unread bytes; the rest of the frame is still to come
                    break;
                }
                if (in.remaining() < header + length) {
                    break;
                }
                int opcode = b0 & 0x0f;
                in.position((int) (at + header + length));
                if (opcode == 8) {
                    return false;
                } else if (opcode == 9) {
                    pong(a, at + header, (int) length);
                } else if (opcode == 1 || opcode == 0) {
                    text(a, at + header, (int) length, opcode == 0, (b0 & 0x80) != 0);
                }
            }
            return true;
        }

        private void text(byte[] a, int from, int length, boolean continuation, boolean fin) {
            if (!continuation) {
                fragmentLength = 0;
                fragmented = false;
            }
            if (fin && !fragmented) {
                receiver.message(index, view.over(a, from, length));
                return;
            }
            fragmented = true;
            if (fragmentLength + length > fragments.length) {
                fragments = Arrays.copyOf(fragments, Math.max(2 * fragments.length, fragmentLength + length));
            }
            System.arraycopy(a, from, fragments, fragmentLength, length);
            fragmentLength += length;
            if (fin) {
                fragmented = false;
                receiver.message(index, view.over(fragments, 0, fragmentLength));
            }
        }

        /** A client's frames are masked; a zero mask leaves the ping's bytes as they are. */
        private void pong(byte[] a, int from, int length) throws IOException {
            ByteBuffer out = ByteBuffer.allocate(6 + length);
            out.put((byte) 0x8a)
                    .put((byte) (0x80 | length))
                    .putInt(0)
                    .put(a, from, length)
                    .flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }

        void lost() {
            open.remove(this);
            closeQuietly();
            if (!closing) {
                receiver.lost(index);
            }
        }

        void closeQuietly() {
            try {
                channel.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
