package vn.bordergate.workstation.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.bordergate.workstation.text.Wording;

/**
 * Signing in again when the token expired, without leaving the station: the prompt asks the same officer
 * for the password only; the screen behind it, and the outbox, stay as they are. Once signed in, whoever
 * waited (the outbox, the live events, the queue) carries on.
 */
public final class SessionRenewalViewModel {
    private final GateSession session;
    private final Wording words;
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper needed = new ReadOnlyBooleanWrapper(this, "needed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final List<Runnable> renewed = new ArrayList<>();

    /** Call on the ui thread: from now on a 401 from the server opens the prompt. */
    public SessionRenewalViewModel(GateSession session, Wording words) {
        this.session = session;
        this.words = words;
        session.onExpired(() -> needed.set(true));
    }

    /** {@code listener} runs on the ui thread once the officer signed in again. */
    public void onRenewed(Runnable listener) {
        renewed.add(listener);
    }

    /** Signs in with the typed password; completes when the answer has been shown. */
    public CompletableFuture<Void> renew() {
        if (busy.get() || !needed.get()) {
            return CompletableFuture.completedFuture(null);
        }
        String secret = password.get() == null ? "" : password.get();
        if (secret.isEmpty()) {
            error.set(words.text("relogin.required"));
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        error.set("");
        return session.renewInBackground(secret).handle((ok, failure) -> {
            busy.set(false);
            password.set("");
            if (failure != null) {
                error.set(words.loginProblem(failure));
            } else {
                needed.set(false);
                renewed.forEach(Runnable::run);
            }
            return null;
        });
    }

    /** The officer whose password is asked. */
    public String officer() {
        String name = session.user().displayName();
        return name == null || name.isBlank() ? session.user().username() : name;
    }

    public StringProperty password() {
        return password;
    }

    /** True while the prompt must show. */
    public ReadOnlyBooleanProperty needed() {
        return needed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
