package vn.bordergate.workstation.station;

import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.shape.Circle;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.station.StationViewModel.Activity;
import vn.bordergate.workstation.text.Wording;

/** The last decisions of every agency, newest first: what the officer's colleagues just did. */
final class ActivityFeed {
    private ActivityFeed() {}

    static ListView<Activity> of(ObservableList<Activity> activity, Wording words) {
        ListView<Activity> list = new ListView<>(activity);
        list.setId("activity-list");
        list.getStyleClass().add("activity-list");
        list.setPrefHeight(112);
        list.setMinHeight(80);
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label(words.text("activity.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Activity item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Circle dot = new Circle(5);
                dot.getStyleClass()
                        .addAll("step-dot", Theme.stateClass(item.step().state()));
                setGraphic(dot);
                setText(words.text(
                        "activity.line",
                        words.time(item.step().decidedAt()),
                        words.agencyShort(item.step().agency()),
                        item.step().number(),
                        words.state(item.step().state()),
                        item.plate()));
            }
        });
        return list;
    }
}
