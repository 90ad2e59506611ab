package vn.bordergate.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.server.GateServerMain;

/**
 * A gate server in its own JVM, started the way an operator starts it, for tests that must kill it or
 * time it. Its output goes to {@code log}.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final long startedNanos;

    private ServerProcess(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    public static ServerProcess start(Path data, int port, ProcessBuilder.Redirect log) throws IOException {
        return start(data, port, log, List.of(), List.of());
    }

    /**
     * As {@link #start(Path, int, ProcessBuilder.Redirect)}, with options for the JVM (heap size, GC log)
     * and extra server options (say {@code --no-cameras}).
     */
    public static ServerProcess start(
            Path data, int port, ProcessBuilder.Redirect log, List<String> jvmOptions, List<String> serverOptions)
            throws IOException {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GateServerMain.class.getName()));
        command.addAll(List.of("--port", String.valueOf(port), "--data", data.toString(), "--demo"));
        command.addAll(serverOptions);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        return new ServerProcess(process, port, started);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; answers its exit code, or -1 if it still runs after {@code limit}. */
    public int awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls health until UP; answers the milliseconds since start, or throws after {@code limit}. */
    public long awaitHealthy(Duration limit) throws InterruptedException {
        GateClient probe = new GateClient(uri(), null, Duration.ofSeconds(1));
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue());
            }
            try {
                if ("UP".equals(probe.health().status())) {
                    return (System.nanoTime() - startedNanos) / 1_000_000;
                }
            } catch (GateUnreachableException | GateApiException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("server not healthy within " + limit);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public GateClient loggedIn(String username) {
        // patient: a just-started JVM on a busy machine can take longer than the 10 s an officer would wait
        GateClient client = new GateClient(uri(), null, Duration.ofSeconds(60));
        client.login(username, TestGate.PASSWORD);
        return client;
    }

    /** SIGKILL on Linux: no shutdown hook runs, Derby is not shut down. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /**
     * {@link #kill}s once {@code acknowledged} reaches {@code acks}, while {@code writers} write; fails (rather than
     * hang the build) when every writer has given up, say every call timed out, or after 120 s.
     */
    public int killOnceAcknowledged(IntSupplier acknowledged, int acks, List<Thread> writers)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.getAsInt() < acks) {
            if (System.nanoTime() > deadline || writers.stream().noneMatch(Thread::isAlive)) {
                throw new AssertionError("writers stopped or too slow: " + acknowledged.getAsInt() + " of " + acks
                        + " writes acknowledged");
            }
            Thread.sleep(20);
        }
        return kill();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
