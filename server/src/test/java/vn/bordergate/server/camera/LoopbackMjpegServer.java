package vn.bordergate.server.camera;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP MJPEG camera on loopback (JDK HttpServer), written with {@link MjpegPreview#writePart} so the
 * preview's wire format is what FFmpeg reads here. {@link #stop()} and {@link #restart()} simulate an
 * outage on the same port.
 */
final class LoopbackMjpegServer implements AutoCloseable {
    private final List<byte[]> jpegs;
    private final double fps;
    private final AtomicInteger connections = new AtomicInteger();
    private int port;
    private HttpServer server;

    LoopbackMjpegServer(List<byte[]> jpegs, double fps) throws IOException {
        this.jpegs = jpegs;
        this.fps = fps;
        start(0);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/camera.mjpg";
    }

    int connections() {
        return connections.get();
    }

    synchronized void stop() {
        server.stop(0); // closes the streaming exchanges too: their next write fails
    }

    /**
     * Serves again on the same port, as a camera that comes back does. Another process may have taken the port while
     * it was free (a shared machine): a few tries before giving up.
     */
    synchronized void restart() throws IOException, InterruptedException {
        for (int tries = 1; ; tries++) {
            try {
                start(port);
                return;
            } catch (BindException taken) {
                if (tries == 20) {
                    throw taken;
                }
                Thread.sleep(250);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mjpeg-camera");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/camera.mjpg", exchange -> {
            connections.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", MjpegPreview.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, 0);
            long start = System.nanoTime();
            try (OutputStream out = exchange.getResponseBody()) {
                for (long i = 0; ; i++) {
                    MjpegPreview.writePart(out, jpegs.get((int) (i % jpegs.size())));
                    out.flush();
                    long wait = start + (long) ((i + 1) * 1e9 / fps) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                }
            } catch (IOException | InterruptedException gone) {
                // viewer left or server stopped
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }
}
