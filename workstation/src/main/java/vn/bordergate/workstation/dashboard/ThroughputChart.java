package vn.bordergate.workstation.dashboard;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import vn.bordergate.common.dto.DashboardDto.HourCount;

/** Vehicles arrived and released per hour over the last day, the running hour on the right. */
final class ThroughputChart {
    private final CategoryAxis hours = new CategoryAxis();
    private final NumberAxis vehicles = new NumberAxis();
    private final BarChart<String, Number> chart = new BarChart<>(hours, vehicles);
    private final XYChart.Series<String, Number> arrived = new XYChart.Series<>();
    private final XYChart.Series<String, Number> released = new XYChart.Series<>();
    private final DashboardViewModel model;

    ThroughputChart(DashboardViewModel model) {
        this.model = model;
        arrived.setName(model.words().text("dashboard.arrived"));
        released.setName(model.words().text("dashboard.released"));
        chart.getData().add(arrived);
        chart.getData().add(released);
        chart.setId("throughput-chart");
        chart.setAnimated(false); // category axes animate badly when the hours move on
        chart.setCategoryGap(6);
        chart.setBarGap(1);
        chart.setLegendVisible(true);
        vehicles.setMinorTickVisible(false);
        vehicles.setTickUnit(5);
        model.throughput().addListener((ListChangeListener<HourCount>) c -> draw());
        draw();
    }

    private void draw() {
        List<HourCount> now = model.throughput();
        boolean sameHours = arrived.getData().size() == now.size();
        for (int i = 0; sameHours && i < now.size(); i++) {
            sameHours = arrived.getData().get(i).getXValue().equals(label(now.get(i)));
        }
        if (!sameHours) {
            arrived.getData().clear();
            released.getData().clear();
            for (HourCount h : now) {
                arrived.getData().add(new XYChart.Data<>(label(h), h.arrived()));
                released.getData().add(new XYChart.Data<>(label(h), h.released()));
            }
            return;
        }
        // the same hours: only the values move, so the bars change in place
        for (int i = 0; i < now.size(); i++) {
            arrived.getData().get(i).setYValue(now.get(i).arrived());
            released.getData().get(i).setYValue(now.get(i).released());
        }
    }

    /** "14:00" (Wording prefixes the day for another day: only the time is wanted here). */
    private String label(HourCount h) {
        String time = model.words().time(h.hour());
        return time.substring(Math.max(0, time.length() - 5));
    }

    Parent root() {
        return chart;
    }
}
