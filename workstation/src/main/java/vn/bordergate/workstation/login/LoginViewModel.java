package vn.bordergate.workstation.login;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.text.Wording;

/**
 * Signing in: waits for the gate server (an embedded one takes a few seconds to start), logs in in the
 * background and says in plain words what went wrong. The password is cleared after every attempt.
 */
public final class LoginViewModel {
    private final BackgroundWork work;
    private final Wording words;
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper gateReady = new ReadOnlyBooleanWrapper(this, "gateReady");
    private final ReadOnlyStringWrapper gateText = new ReadOnlyStringWrapper(this, "gateText");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<GateSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final BooleanBinding canLogin;
    private volatile URI address;

    public LoginViewModel(GateStartup gate, BackgroundWork work, Wording words) {
        this.work = work;
        this.words = words;
        this.canLogin = Bindings.createBooleanBinding(() -> gateReady.get() && !busy.get(), gateReady, busy);
        gateText.set(words.text(gate.isEmbedded() ? "login.gate.starting" : "login.gate.remote", ""));
        gate.address().whenComplete((uri, failure) -> work.ui().execute(() -> gateStarted(gate, uri, failure)));
    }

    private void gateStarted(GateStartup gate, URI uri, Throwable failure) {
        if (failure != null) {
            gateText.set(words.text("login.gate.failed", rootMessage(failure)));
            return;
        }
        address = uri;
        gateText.set(gate.isEmbedded() ? words.text("login.gate.embedded") : words.text("login.gate.remote", uri));
        gateReady.set(true);
    }

    /**
     * Logs in; on success {@link #session()} is set (the window then opens the station). Completes when
     * the answer has been shown, successful or not.
     */
    public CompletableFuture<Void> login() {
        if (!canLogin.get()) {
            return CompletableFuture.completedFuture(null);
        }
        String user = username.get() == null ? "" : username.get().strip();
        String secret = password.get() == null ? "" : password.get();
        if (user.isEmpty() || secret.isEmpty()) {
            error.set(words.text("login.required"));
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        error.set("");
        URI target = address;
        return work.submit(() -> GateSession.open(target, user, secret, work)).handle((opened, failure) -> {
            busy.set(false);
            password.set("");
            if (failure != null) {
                error.set(words.loginProblem(failure));
            } else {
                session.set(opened);
            }
            return null;
        });
    }

    /** The starting failure's own words (the server's messages say what is wrong: a locked data folder…). */
    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty password() {
        return password;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** True once the gate server answers and no login is under way. */
    public BooleanBinding canLogin() {
        return canLogin;
    }

    public ReadOnlyBooleanProperty gateReady() {
        return gateReady.getReadOnlyProperty();
    }

    /** Where the gate server is, or that it is still starting, or why it could not start. */
    public ReadOnlyStringProperty gateText() {
        return gateText.getReadOnlyProperty();
    }

    /** The last problem in plain words, empty when none. */
    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** Set once logged in. */
    public ReadOnlyObjectProperty<GateSession> session() {
        return session.getReadOnlyProperty();
    }
}
