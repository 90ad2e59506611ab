package vn.bordergate.workstation.kiosk;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import vn.bordergate.common.dto.GoodsLineDto;

/**
 * One goods line of a repeat declaration as edited at the kiosk: the description (with suggestions
 * from the enterprise's past goods), the quantity and the gross weight change from trip to trip; the
 * HS code, unit and quarantine kind come with the description from the earlier declaration.
 */
public final class GoodsForm {
    private final GoodsLineDto previous;
    private final StringProperty description;
    private final StringProperty quantity;
    private final StringProperty grossWeightKg;

    GoodsForm(GoodsLineDto previous) {
        this.previous = previous;
        this.description = new SimpleStringProperty(this, "description", previous.description());
        this.quantity = new SimpleStringProperty(
                this, "quantity", previous.quantity().stripTrailingZeros().toPlainString());
        this.grossWeightKg = new SimpleStringProperty(
                this,
                "grossWeightKg",
                previous.grossWeightKg().stripTrailingZeros().toPlainString());
    }

    GoodsLineDto previous() {
        return previous;
    }

    public String unit() {
        return previous.unit();
    }

    public String hsCode() {
        return previous.hsCode();
    }

    public StringProperty description() {
        return description;
    }

    public StringProperty quantity() {
        return quantity;
    }

    public StringProperty grossWeightKg() {
        return grossWeightKg;
    }
}
