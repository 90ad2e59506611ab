package vn.bordergate.workstation.outbox;

import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.util.Callback;
import vn.bordergate.common.dto.CrossingDto;

/** Marks the queue rows of crossings with an action in the outbox (a bar on the left, see the style sheet). */
public final class OutboxMarks {
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("outbox-pending");

    private OutboxMarks() {}

    /** Wraps the table's row factory so that each row follows the outbox. */
    public static void decorate(TableView<CrossingDto> table, OutboxViewModel outbox) {
        Callback<TableView<CrossingDto>, TableRow<CrossingDto>> base = table.getRowFactory();
        table.setRowFactory(t -> {
            TableRow<CrossingDto> row = base == null ? new TableRow<>() : base.call(t);
            Runnable mark = () -> {
                CrossingDto item = row.getItem();
                row.pseudoClassStateChanged(
                        PENDING, item != null && outbox.crossings().contains(item.id()));
            };
            row.itemProperty().addListener((obs, before, now) -> mark.run());
            SetChangeListener<Long> follow = change -> mark.run();
            row.getProperties().put(OutboxMarks.class, follow); // the weak listener lives as long as the row
            outbox.crossings().addListener(new WeakSetChangeListener<>(follow));
            return row;
        });
    }
}
