package vn.bordergate.workstation.dashboard;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.YardWaitingDto;

/** One bar per yard: vehicles waiting against its capacity, amber from 70 % full, red from 90 %. */
final class YardBars {
    private final VBox root = new VBox(16);
    private final DashboardViewModel model;

    YardBars(DashboardViewModel model) {
        this.model = model;
        root.setId("dashboard-yards");
        model.yards().addListener((ListChangeListener<YardWaitingDto>) c -> draw());
        model.waiting().addListener((o, a, b) -> draw());
        draw();
    }

    private void draw() {
        root.getChildren().clear();
        if (model.yards().isEmpty()) {
            Label none = new Label(model.words().text("dashboard.noYards"));
            none.getStyleClass().add("dash-empty");
            root.getChildren().add(none);
            return;
        }
        for (YardWaitingDto yard : model.yards()) {
            Label name = new Label(yard.name());
            name.getStyleClass().add("yard-name");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label count = new Label(model.words().text("dashboard.yardCount", yard.waiting(), yard.capacity()));
            count.setId("yard-" + yard.code());
            count.getStyleClass().add("yard-count");
            HBox line = new HBox(8, name, gap, count);
            line.setAlignment(Pos.BASELINE_LEFT);
            double fill = DashboardViewModel.fill(yard);
            ProgressBar bar = new ProgressBar(fill);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass()
                    .addAll("yard-bar", fill >= 0.9 ? "yard-full" : fill >= 0.7 ? "yard-filling" : "yard-ok");
            root.getChildren().add(new VBox(6, line, bar));
        }
        long outside = model.notInAYard();
        if (outside > 0) {
            Label notYet = new Label(model.words().text("dashboard.notInYard", outside));
            notYet.setId("yard-none");
            notYet.getStyleClass().add("yard-outside");
            notYet.setWrapText(true);
            root.getChildren().add(notYet);
        }
    }

    Parent root() {
        return root;
    }
}
