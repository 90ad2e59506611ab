package vn.bordergate.workstation.connection;

import java.time.Duration;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vn.bordergate.workstation.text.Wording;

/** The always-visible connection status: live, reconnecting (and when), or session ended. */
public final class ConnectionViewModel {
    private final Wording words;
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");

    public ConnectionViewModel(Wording words) {
        this.words = words;
        show(ConnectionState.CONNECTING, Duration.ZERO);
    }

    /** Called on the FX thread by {@link LiveEvents}. */
    public void show(ConnectionState now, Duration retryIn) {
        state.set(now);
        long seconds = Math.max(1, Math.round(retryIn.toMillis() / 1000.0));
        text.set(words.text("connection." + now.name(), seconds));
    }

    public ReadOnlyObjectProperty<ConnectionState> state() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }
}
