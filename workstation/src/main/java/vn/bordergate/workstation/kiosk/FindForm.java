package vn.bordergate.workstation.kiosk;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.workstation.connection.GateSession;

/** What the driver types to find the trip: a plate or a declaration code (a QR code comes from the camera). */
final class FindForm {
    private final ObjectProperty<FindMode> mode;
    private final StringProperty plate;
    private final StringProperty code;
    private final BooleanBinding canFind;

    /** {@code bean} owns the properties (the kiosk's view model); nothing is looked up while {@code busy}. */
    FindForm(Object bean, ReadOnlyBooleanProperty busy) {
        this.mode = new SimpleObjectProperty<>(bean, "mode", FindMode.PLATE);
        this.plate = new SimpleStringProperty(bean, "plate", "");
        this.code = new SimpleStringProperty(bean, "code", "");
        this.canFind = Bindings.createBooleanBinding(
                () -> !busy.get()
                        && switch (mode.get()) {
                            case PLATE -> plate.get().strip().length() >= 4;
                            case CODE -> !code.get().isBlank();
                            case QR -> false;
                        },
                busy,
                mode,
                plate,
                code);
    }

    /** What the driver typed, as looked up and as named in a refusal. */
    String typed() {
        return (mode.get() == FindMode.PLATE ? plate.get() : code.get()).strip();
    }

    /** The look-up for what was typed. */
    GateSession.GateCall<KioskCrossingDto> lookUp() {
        String typed = typed();
        return mode.get() == FindMode.PLATE
                ? g -> g.kiosk().findByPlate(typed)
                : g -> g.kiosk().findByCode(typed.toUpperCase(Locale.ROOT));
    }

    /** Nothing of the last driver left in the form. */
    void clear() {
        mode.set(FindMode.PLATE);
        plate.set("");
        code.set("");
    }

    ObjectProperty<FindMode> mode() {
        return mode;
    }

    StringProperty plate() {
        return plate;
    }

    StringProperty code() {
        return code;
    }

    BooleanBinding canFind() {
        return canFind;
    }
}
