package vn.bordergate.server.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.common.client.RawResponse;

/**
 * {@code bordergate-server backup}: asks the running gate server for an online backup now, through its API
 * (the embedded database belongs to the server's process, which alone can copy it consistently).
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Takes an online backup of the running gate server's database now (needs an administrator;"
                + " password from BORDERGATE_ADMIN_PASSWORD or asked for).")
public final class BackupCommand implements Callable<Integer> {
    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "gate server (${DEFAULT-VALUE})")
    URI server;

    @Option(names = "--user", defaultValue = "admin", description = "administrator account (${DEFAULT-VALUE})")
    String user;

    @Option(
            names = "--password",
            interactive = true,
            arity = "0..1",
            description = "ask for the password (else BORDERGATE_ADMIN_PASSWORD)")
    char[] password;

    @Override
    public Integer call() {
        String secret = password != null ? new String(password) : System.getenv("BORDERGATE_ADMIN_PASSWORD");
        if (secret == null) {
            System.err.println("backup: set BORDERGATE_ADMIN_PASSWORD or give --password");
            return 2;
        }
        // a large database takes minutes to copy: wait for it
        GateClient client = new GateClient(server, HttpClient.newHttpClient(), Duration.ofMinutes(30));
        try {
            client.login(user, secret);
            RawResponse answer = client.send("POST", "/api/admin/backups", null);
            if (!answer.isSuccess()) {
                System.err.println("backup: the server answered " + answer.status() + ": " + answer.body());
                return 1;
            }
            System.out.println(answer.body());
            return 0;
        } catch (GateApiException | GateUnreachableException e) {
            System.err.println("backup: " + e.getMessage());
            return 1;
        }
    }
}
