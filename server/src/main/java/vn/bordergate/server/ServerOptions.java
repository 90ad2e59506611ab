package vn.bordergate.server;

import java.nio.file.Path;

/**
 * How to start a gate server.
 *
 * @param host the address to listen on: the station network's interface on a gate host, loopback in demo
 * @param port 0 picks a free port (tests)
 * @param initialAdmin with {@code initialAdminPassword}: the administrator to create on a first start
 */
public record ServerOptions(
        String host, int port, Path dataDir, boolean demo, String initialAdmin, String initialAdminPassword) {
    public static ServerOptions embedded(Path dataDir, boolean demo) {
        return new ServerOptions("127.0.0.1", 0, dataDir, demo, null, null);
    }
}
