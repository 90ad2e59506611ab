package vn.bordergate.workstation.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cable between the workstation and a running gate server that a test can pull out and plug in again:
 * while cut, the workstation's connections are dropped and new ones refused, yet the server keeps running
 * (other officers go on working), which stopping the server can't show.
 */
public final class TcpRelay implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    public TcpRelay(URI server) throws IOException {
        this.target = new InetSocketAddress(server.getHost(), server.getPort());
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        accept(first);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Drops every connection and refuses new ones. */
    public synchronized void cut() throws IOException {
        listening.close();
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        accept(again);
    }

    private void accept(ServerSocket server) {
        listening = server;
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        Socket client;
                        try {
                            client = server.accept();
                        } catch (IOException e) {
                            return; // closed: cut
                        }
                        try {
                            Socket upstream = new Socket(target.getAddress(), target.getPort());
                            open.add(client);
                            open.add(upstream);
                            pipe(client, upstream);
                            pipe(upstream, client);
                        } catch (IOException e) {
                            close(client); // the server is down: so is the connection, as without a relay
                        }
                    }
                },
                "relay-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pipe(Socket from, Socket to) {
        Thread copy = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side went away: close both below
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "relay-pipe");
        copy.setDaemon(true);
        copy.start();
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
