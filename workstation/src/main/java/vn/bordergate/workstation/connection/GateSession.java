package vn.bordergate.workstation.connection;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.GateEventStream;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.common.dto.LoginResponse;
import vn.bordergate.common.dto.StationDto;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;

/**
 * An officer logged in at this workstation. View models reach the gate server only through {@link #ask},
 * which runs the call on the background executor: the client itself never leaves this package.
 *
 * <p>A session outlives its token: when the server answers 401 (the token expired), listeners hear it on
 * the ui executor, and {@link #renew} signs the same officer in again with the password, on the same
 * client, so nothing on the screen (nor the outbox) has to be rebuilt.
 */
public final class GateSession {
    /** A call to the gate server, run in the background. */
    @FunctionalInterface
    public interface GateCall<T> {
        T on(GateClient gate);
    }

    private final GateClient client;
    private final BackgroundWork work;
    private volatile LoginResponse login;
    private final StationDto station;
    private final List<Runnable> expiryListeners = new CopyOnWriteArrayList<>();

    GateSession(GateClient client, BackgroundWork work, LoginResponse login, StationDto station) {
        this.client = client;
        this.work = work;
        this.login = login;
        this.station = station;
    }

    /**
     * Logs in (blocking: call it from the background). A wrong password or an unreachable server throws
     * what {@link GateClient#login} throws; accounts that don't work at a station (cameras, enterprises)
     * are refused with {@link NotAStationAccount}.
     */
    public static GateSession open(URI address, String username, String password, BackgroundWork work) {
        return open(address, username, password, work, Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR));
    }

    /**
     * As {@link #open(URI, String, String, BackgroundWork)}, for the accounts of {@code accepted} roles
     * only (the kiosk signs in as a KIOSK device, an enterprise user at the kiosk as ENTERPRISE).
     */
    public static GateSession open(
            URI address, String username, String password, BackgroundWork work, Set<Role> accepted) {
        GateClient client = new GateClient(address);
        LoginResponse login = client.login(username, password);
        Role role = login.user().role();
        if (!accepted.contains(role)) {
            throw new NotAStationAccount(role);
        }
        StationDto station = login.user().stationCode() == null
                ? null
                : client.site().stations().stream()
                        .filter(s -> s.code().equals(login.user().stationCode()))
                        .findFirst()
                        .orElse(null);
        return new GateSession(client, work, login, station);
    }

    /** Runs {@code call} in the background; the answer completes on the FX thread. */
    public <T> CompletableFuture<T> ask(GateCall<T> call) {
        return work.submit(() -> {
            try {
                return call.on(client);
            } catch (GateApiException refused) {
                if (refused.status() == 401) {
                    expired();
                }
                throw refused;
            }
        });
    }

    /** The executor this session's calls run on (the outbox keeps its journal writes there too). */
    public BackgroundWork work() {
        return work;
    }

    /** {@code listener} runs on the ui executor each time the server says the token is no longer valid. */
    public void onExpired(Runnable listener) {
        expiryListeners.add(listener);
    }

    /** Called when any call (also the event stream's) was refused with 401. */
    void expired() {
        for (Runnable listener : expiryListeners) {
            work.ui().execute(listener);
        }
    }

    /**
     * Signs the same officer in again after the token expired (blocking: call it from the background).
     * A wrong password throws what {@link GateClient#login} throws; the old token stays until it succeeds.
     */
    public void renew(String password) {
        login = client.login(login.user().username(), password); // the client keeps the new token
    }

    /** As {@link #renew}, in the background; completes on the ui executor. */
    public CompletableFuture<Void> renewInBackground(String password) {
        return work.submit(() -> {
            renew(password);
            return null;
        });
    }

    /** Only {@link LiveEvents} subscribes; it moves the events onto the FX thread. */
    GateEventStream openEvents(Consumer<EventEnvelope> events, GateEventStream.Listener listener) {
        return client.openEvents(events, listener);
    }

    /** Whether the server answers at all (blocking: {@link LiveEvents} asks in the background). */
    boolean reachable() {
        try {
            client.health();
            return true;
        } catch (GateApiException answered) {
            return true; // it answered, if only to say it is starting
        } catch (GateUnreachableException gone) {
            return false;
        }
    }

    public UserDto user() {
        return login.user();
    }

    /** The officer's agency; empty for an administrator, who watches but decides no step. */
    public Optional<Agency> agency() {
        return Optional.ofNullable(login.user().agency());
    }

    public Role role() {
        return login.user().role();
    }

    /** The station this account works at, as the server knows it; empty when it has none. */
    public Optional<StationDto> station() {
        return Optional.ofNullable(station);
    }

    public String stationCode() {
        return login.user().stationCode();
    }

    public Instant expiresAt() {
        return login.expiresAt();
    }

    public URI address() {
        return client.baseUri();
    }

    /** A camera or enterprise account tried to open the officer workstation. */
    public static final class NotAStationAccount extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Role role;

        NotAStationAccount(Role role) {
            super("a " + role + " account cannot use the officer workstation");
            this.role = role;
        }

        public Role role() {
            return role;
        }
    }
}
