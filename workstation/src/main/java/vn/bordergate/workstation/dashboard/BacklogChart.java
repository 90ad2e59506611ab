package vn.bordergate.workstation.dashboard;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import vn.bordergate.common.dto.DashboardDto.StepBacklog;
import vn.bordergate.workstation.text.Wording;

/** Per step and its agency, crossings at the gate waiting on it (pending) and held by it, stacked. */
final class BacklogChart {
    private final CategoryAxis steps = new CategoryAxis();
    private final NumberAxis vehicles = new NumberAxis();
    private final StackedBarChart<Number, String> chart = new StackedBarChart<>(vehicles, steps);
    private final XYChart.Series<Number, String> pending = new XYChart.Series<>();
    private final XYChart.Series<Number, String> held = new XYChart.Series<>();
    private final DashboardViewModel model;

    BacklogChart(DashboardViewModel model) {
        this.model = model;
        Wording words = model.words();
        pending.setName(words.text("dashboard.pending"));
        held.setName(words.text("dashboard.held"));
        chart.getData().add(pending);
        chart.getData().add(held);
        chart.setId("backlog-chart");
        chart.setAnimated(false);
        chart.setCategoryGap(10);
        vehicles.setMinorTickVisible(false);
        vehicles.setTickUnit(5);
        model.backlog().addListener((ListChangeListener<StepBacklog>) c -> draw());
        draw();
    }

    private void draw() {
        var now = model.backlog();
        if (pending.getData().size() != now.size()) {
            pending.getData().clear();
            held.getData().clear();
            // a horizontal chart draws its first category at the bottom: step 1 goes on top
            for (int i = now.size() - 1; i >= 0; i--) {
                StepBacklog b = now.get(i);
                pending.getData().add(new XYChart.Data<>(b.pending(), label(b)));
                held.getData().add(new XYChart.Data<>(b.held(), label(b)));
            }
            return;
        }
        for (int i = 0; i < now.size(); i++) {
            StepBacklog b = now.get(now.size() - 1 - i);
            pending.getData().get(i).setXValue(b.pending());
            held.getData().get(i).setXValue(b.held());
        }
    }

    /** "4 · Medical quarantine of the driver · MED". */
    private String label(StepBacklog b) {
        Wording words = model.words();
        return b.step().number() + " · " + words.step(b.step()) + " · " + words.agencyShort(b.agency());
    }

    Parent root() {
        return chart;
    }
}
