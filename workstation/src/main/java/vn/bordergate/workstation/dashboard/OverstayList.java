package vn.bordergate.workstation.dashboard;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.OverstayAlertDto;

/** Vehicles past their return deadline, longest overdue first. */
final class OverstayList {
    private final ListView<OverstayAlertDto> list;

    OverstayList(DashboardViewModel model) {
        list = new ListView<>(model.overstays());
        list.setId("overstay-list");
        list.setFocusTraversable(false);
        Label none = new Label(model.words().text("dashboard.noOverstays"));
        none.getStyleClass().add("dash-empty");
        list.setPlaceholder(none);
        list.getStyleClass().add("overstay-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OverstayAlertDto alert, boolean empty) {
                super.updateItem(alert, empty);
                if (empty || alert == null) {
                    setGraphic(null);
                    return;
                }
                Label plate = new Label(alert.tractorPlate());
                plate.getStyleClass().add("overstay-plate");
                Label who = new Label(alert.enterpriseName());
                who.getStyleClass().add("overstay-enterprise");
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Label over = new Label(model.words().text("dashboard.hoursOver", alert.hoursOver()));
                over.getStyleClass().add("overstay-over");
                HBox row = new HBox(10, new VBox(0, plate, who), gap, over);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
    }

    Parent root() {
        return list;
    }
}
