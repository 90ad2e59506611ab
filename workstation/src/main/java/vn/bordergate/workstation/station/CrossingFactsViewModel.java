package vn.bordergate.workstation.station;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.FeeDto;
import vn.bordergate.common.dto.WeighingDto;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.text.Wording;

/**
 * What the queue row does not carry about the selected crossing: the declaration (driver, goods lines),
 * the scale weighings and the fees, fetched in one background call when another crossing is shown or
 * the shown one changes. An answer for a crossing no longer shown is dropped.
 */
public final class CrossingFactsViewModel {
    /** Everything fetched for one version of a crossing. */
    public record Facts(long crossingId, DeclarationDto declaration, List<WeighingDto> weighings, List<FeeDto> fees) {}

    private final GateSession session;
    private final Wording words;
    private final ReadOnlyObjectWrapper<Facts> facts = new ReadOnlyObjectWrapper<>(this, "facts");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long shownId = -1;
    private long shownVersion = -1;

    public CrossingFactsViewModel(GateSession session, Wording words) {
        this.session = session;
        this.words = words;
    }

    /** The detail pane shows {@code crossing} (null: nothing): fetch its facts if not already here. */
    public void show(CrossingDto crossing) {
        if (crossing == null) {
            shownId = -1;
            facts.set(null);
            return;
        }
        if (crossing.id() == shownId && crossing.version() <= shownVersion) {
            return;
        }
        if (crossing.id() != shownId) {
            facts.set(null); // never show one truck's goods under another's plate
        }
        long id = crossing.id();
        shownId = id;
        shownVersion = crossing.version();
        session.ask(gate -> new Facts(
                        id,
                        gate.declaration(crossing.declarationId()),
                        gate.facts().weighings(id),
                        gate.facts().fees(id)))
                .whenComplete((found, failure) -> {
                    if (id != shownId) {
                        return;
                    }
                    if (failure != null) {
                        error.set(words.problem(failure));
                    } else {
                        error.set("");
                        facts.set(found);
                    }
                });
    }

    /** The facts of the shown crossing; null while they load. */
    public ReadOnlyObjectProperty<Facts> facts() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
