package vn.bordergate.server.support;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.server.GateServerMain;

/**
 * A gate server in its own JVM, started the way an operator starts it, for tests that must kill it or
 * time it. Its output goes to {@code log}.
 */
public final class ServerProcess implements AutoCloseable {
    /**
     * Asks the server to bind any free port, read back from its log: a port picked here and bound later by the child
     * JVM may be taken in between on a shared machine.
     */
    public static final int ANY_PORT = 0;

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:/\\s]+:(\\d+)");

    private final Process process;
    private final File log;
    private final long logStart;
    private final long startedNanos;
    private volatile int port;

    private ServerProcess(Process process, int port, File log, long logStart, long startedNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.logStart = logStart;
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
        File logFile = log.file();
        if (port == ANY_PORT && logFile == null) {
            throw new IllegalArgumentException("any port is read from the server's log: give it a log file");
        }
        long logStart = logFile != null && log.type() == ProcessBuilder.Redirect.Type.APPEND ? logFile.length() : 0;
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
        return new ServerProcess(process, port, logFile, logStart, started);
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
        GateClient probe = null;
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue());
            }
            if (probe == null) {
                if (port == ANY_PORT && (port = portInLog()) == ANY_PORT) {
                    Thread.sleep(20); // not listening yet
                    continue;
                }
                probe = new GateClient(uri(), null, Duration.ofSeconds(1));
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

    /** The server's address; with {@link #ANY_PORT}, known once {@link #awaitHealthy} returned. */
    public URI uri() {
        if (port == ANY_PORT) {
            throw new IllegalStateException("the server's port is read from its log by awaitHealthy");
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The port this process's log says it listens on (its part of a log others appended to), else ANY_PORT. */
    private int portInLog() {
        try (RandomAccessFile file = new RandomAccessFile(log, "r")) {
            file.seek(Math.min(logStart, file.length()));
            byte[] mine = new byte[(int) (file.length() - file.getFilePointer())];
            file.readFully(mine);
            Matcher listening = LISTENING.matcher(new String(mine, StandardCharsets.UTF_8));
            return listening.find() ? Integer.parseInt(listening.group(1)) : ANY_PORT;
        } catch (IOException notYet) {
            return ANY_PORT;
        }
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
