package vn.bordergate.server.camera;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A small RTSP server on loopback playing an H.264 clip in a loop, like an IP camera: OPTIONS, DESCRIBE,
 * SETUP (RTP interleaved in the RTSP connection only), PLAY, TEARDOWN, with the video sent as
 * {@link H264Packets} makes it. {@link #drop()} makes it vanish like a rebooting camera (connections cut,
 * port refusing); {@link #resume()} brings it back on the same port; {@link #freeze} makes it go silent.
 */
final class LoopbackRtspServer implements AutoCloseable {
    private static final String SESSION = "Session: 4711";

    private final List<List<byte[]>> accessUnits;
    private final double fps;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger plays = new AtomicInteger();
    private final AtomicLongArray sentNanos;
    private final int port;
    private volatile ServerSocket listener;
    private volatile boolean frozen;

    /** Serves the access units (each a list of NAL units without start codes) at {@code fps}. */
    LoopbackRtspServer(List<List<byte[]>> accessUnits, double fps) throws IOException {
        this.accessUnits = accessUnits;
        this.fps = fps;
        this.sentNanos = new AtomicLongArray(accessUnits.size());
        this.port = listen(0);
    }

    String url() {
        return "rtsp://127.0.0.1:" + port + "/lane1";
    }

    /** PLAY requests served so far (one per client connection). */
    int plays() {
        return plays.get();
    }

    /** When picture {@code index} of the clip was last sent completely ({@link System#nanoTime()}). */
    long sentNanos(int index) {
        return sentNanos.get(index);
    }

    /**
     * The camera stops sending but keeps its connections open and answers RTSP requests, like a hung
     * encoder or a cable pulled somewhere on the way: only a read timeout notices.
     */
    void freeze(boolean on) {
        frozen = on;
    }

    /** The camera disappears: every connection is cut and new ones are refused. */
    synchronized void drop() throws IOException {
        listener.close();
        for (Socket client : clients) {
            client.close();
        }
        clients.clear();
    }

    /** The camera is back, on the same port. */
    synchronized void resume() throws IOException {
        listen(port);
    }

    @Override
    public void close() throws IOException {
        drop();
    }

    private int listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "rtsp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return socket.getLocalPort();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                Thread session = new Thread(() -> serve(client), "rtsp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Thread streamer = null;
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            for (int first = in.read(); first >= 0; first = in.read()) {
                if (first == '$') { // interleaved RTCP from the client: skip it
                    in.read();
                    in.skipNBytes((in.read() << 8) | in.read());
                    continue;
                }
                String[] request = ((char) first + readLine(in)).split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                    int colon = line.indexOf(':');
                    String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    headers.put(name, line.substring(colon + 1).trim());
                }
                in.skipNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                String cseq = headers.getOrDefault("cseq", "0");
                switch (request[0]) {
                    case "OPTIONS" -> respond(out, cseq, "200 OK", "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN");
                    case "DESCRIBE" -> respondSdp(out, cseq, request[1]);
                    case "SETUP" -> {
                        if (headers.getOrDefault("transport", "").contains("TCP")) {
                            String transport = "Transport: RTP/AVP/TCP;unicast;interleaved=0-1";
                            respond(out, cseq, "200 OK", transport + "\r\n" + SESSION + ";timeout=60");
                        } else {
                            respond(out, cseq, "461 Unsupported Transport", SESSION);
                        }
                    }
                    case "PLAY" -> {
                        respond(out, cseq, "200 OK", SESSION + "\r\nRange: npt=0.000-");
                        plays.incrementAndGet();
                        streamer = new Thread(() -> stream(out), "rtsp-rtp");
                        streamer.setDaemon(true);
                        streamer.start();
                    }
                    case "TEARDOWN" -> {
                        respond(out, cseq, "200 OK", SESSION);
                        return;
                    }
                    default -> respond(out, cseq, "200 OK", SESSION); // GET_PARAMETER keep-alive
                }
            }
        } catch (IOException gone) {
            // client left or the camera was dropped
        } finally {
            clients.remove(client);
            if (streamer != null) {
                streamer.interrupt();
            }
        }
    }

    private void respondSdp(OutputStream out, String cseq, String uri) throws IOException {
        byte[] sdp = ("v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=BorderGate test camera\r\nc=IN IP4 127.0.0.1\r\n"
                        + "t=0 0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                        + "a=fmtp:96 " + H264Packets.fmtp(accessUnits.get(0)) + "\r\na=control:track1\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        String headers = "Content-Base: " + uri + "/\r\nContent-Type: application/sdp\r\nContent-Length: " + sdp.length;
        synchronized (out) {
            respond(out, cseq, "200 OK", headers);
            out.write(sdp);
            out.flush();
        }
    }

    private static void respond(OutputStream out, String cseq, String status, String headers) throws IOException {
        String head = "RTSP/1.0 " + status + "\r\nCSeq: " + cseq + "\r\n" + headers + "\r\n\r\n";
        synchronized (out) {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** Sends the clip in a loop in real time until the connection closes. */
    private void stream(OutputStream out) {
        int sequence = 0;
        long start = System.nanoTime();
        try {
            for (long picture = 0; ; picture++) {
                while (frozen) {
                    Thread.sleep(10);
                    start = System.nanoTime() - (long) (picture * 1e9 / fps);
                }
                int index = (int) (picture % accessUnits.size());
                int timestamp = (int) Math.round(picture * 90000 / fps);
                sequence = H264Packets.send(out, accessUnits.get(index), timestamp, sequence);
                sentNanos.set(index, System.nanoTime());
                long wait = start + (long) ((picture + 1) * 1e9 / fps) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (IOException | InterruptedException gone) {
            // connection closed
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
