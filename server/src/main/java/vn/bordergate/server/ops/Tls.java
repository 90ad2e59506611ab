package vn.bordergate.server.ops;

import java.nio.file.Files;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The API's connector: HTTPS with the configured PKCS#12 keystore, plain HTTP without one. */
public final class Tls {
    private Tls() {}

    public static ServerConnector connector(Server server, Operations operations) {
        if (operations.tlsKeystore() == null) {
            return new ServerConnector(server);
        }
        if (!Files.isReadable(operations.tlsKeystore())) {
            throw new IllegalStateException("tls.keystore " + operations.tlsKeystore() + " is missing or unreadable");
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(operations.tlsKeystore().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(operations.tlsPassword());
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        return new ServerConnector(server, tls);
    }
}
