package vn.bordergate.workstation.slip;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.printing.Background;
import vn.bordergate.workstation.printing.PrintableDocument;
import vn.bordergate.workstation.text.Wording;

/**
 * Printing a crossing's slip: the server makes the PDF (GET /api/crossings/{id}/slip), this fetches it
 * in the background and hands it to the preview. Called on the FX thread.
 */
public final class SlipViewModel {
    private final GateSession session;
    private final Wording words;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public SlipViewModel(GateSession session, Wording words) {
        this.session = session;
        this.words = words;
    }

    /** The slip of {@code crossing} as the server prints it now; empty (with {@link #error}) when that failed. */
    public CompletableFuture<Optional<PrintableDocument>> fetch(CrossingDto crossing) {
        if (crossing == null || busy.get()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        busy.set(true);
        error.set("");
        long id = crossing.id();
        return session.ask(gate -> gate.download(path(id), "application/pdf")).handle((pdf, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(words.text("slip.failed", words.problem(failure)));
                return Optional.empty();
            }
            return Optional.of(new PrintableDocument(
                    words.text("slip.title", String.valueOf(id), crossing.tractorPlate()),
                    "crossing-" + id + "-slip.pdf",
                    pdf));
        });
    }

    /** The preview's drawing and printing run on the same background executor as the gate calls. */
    public Background background() {
        return new Background() {
            @Override
            public <T> CompletableFuture<T> run(Callable<T> work) {
                return session.ask(gate -> {
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
            }
        };
    }

    static String path(long crossingId) {
        return "/api/crossings/" + crossingId + "/slip";
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
