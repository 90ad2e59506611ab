package vn.bordergate.workstation.station;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DriverDto;
import vn.bordergate.common.dto.FeeDto;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.WeighingDto;
import vn.bordergate.workstation.station.CrossingFactsViewModel.Facts;
import vn.bordergate.workstation.text.Wording;

/** The selected crossing's driver, goods lines, scale weighings and fees, numbers in the officer's locale. */
final class CrossingFactsView {
    private final Wording words;
    private final VBox root = new VBox(8);

    CrossingFactsView(CrossingFactsViewModel model, Wording words) {
        this.words = words;
        root.getStyleClass().addAll("panel", "facts-card");
        root.setId("crossing-facts");
        model.facts().addListener((obs, before, now) -> draw(now));
        draw(model.facts().get());
    }

    private void draw(Facts facts) {
        root.getChildren().clear();
        if (facts == null) {
            Label loading = new Label(words.text("facts.loading"));
            loading.getStyleClass().add("muted");
            root.getChildren().add(loading);
            return;
        }
        DeclarationDto d = facts.declaration();
        root.getChildren().addAll(driver(d.driver()), goods(d.goods()), weightAndFees(d, facts));
    }

    private Node driver(DriverDto driver) {
        Label title = section(words.text("facts.driver"));
        Label name = new Label(driver.fullName());
        name.setId("facts-driver");
        name.getStyleClass().add("fact-value");
        String phone = driver.phone() == null || driver.phone().isBlank() ? "—" : driver.phone();
        Label papers =
                new Label(words.text("facts.driverPapers", driver.documentNumber(), driver.nationality(), phone));
        papers.setId("facts-driver-papers");
        papers.getStyleClass().add("fact-detail");
        HBox line = new HBox(12, name, papers);
        line.setAlignment(Pos.BASELINE_LEFT);
        return new VBox(2, title, line);
    }

    private Node goods(List<GoodsLineDto> goods) {
        Label title = section(words.text("facts.goods", goods.size()));
        GridPane table = new GridPane();
        table.setId("facts-goods");
        table.getStyleClass().add("goods-table");
        table.setHgap(14);
        table.setVgap(2);
        String[] heads = {
            words.text("facts.col.hs"),
            words.text("facts.col.description"),
            words.text("facts.col.quantity"),
            words.text("facts.col.weight"),
            words.text("facts.col.quarantine")
        };
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label(heads[c]);
            head.getStyleClass().add("fact-name");
            table.add(head, c, 0);
        }
        NumberFormat number = NumberFormat.getNumberInstance(words.locale());
        int row = 1;
        for (GoodsLineDto line : goods) {
            table.add(cell(line.hsCode(), "goods-hs"), 0, row);
            Label description = cell(line.description(), "goods-description");
            description.setWrapText(true);
            table.add(description, 1, row);
            table.add(cell(number.format(line.quantity()) + " " + line.unit(), "goods-number"), 2, row);
            table.add(cell(words.weight(line.grossWeightKg()), "goods-number"), 3, row);
            Label quarantine =
                    cell(words.text("facts.quarantine." + line.quarantine().name()), "goods-quarantine");
            if (line.quarantine() != QuarantineKind.NONE) {
                quarantine.getStyleClass().addAll("tag", "tag-quarantine");
            }
            table.add(quarantine, 4, row);
            row++;
        }
        ColumnConstraints flexible = new ColumnConstraints();
        flexible.setHgrow(Priority.ALWAYS);
        flexible.setMinWidth(120);
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(HPos.RIGHT);
        table.getColumnConstraints().addAll(new ColumnConstraints(), flexible, right, right, new ColumnConstraints());
        return new VBox(2, title, table);
    }

    private Node weightAndFees(DeclarationDto d, Facts facts) {
        BigDecimal declared =
                d.goods().stream().map(GoodsLineDto::grossWeightKg).reduce(BigDecimal.ZERO, BigDecimal::add);
        Label scaleTitle = section(words.text("facts.scale"));
        VBox scale = new VBox(1, scaleTitle);
        if (facts.weighings().isEmpty()) {
            scale.getChildren().add(detail(words.text("facts.notWeighed", words.weight(declared)), "facts-weighing"));
        }
        for (WeighingDto w : facts.weighings()) {
            Label gross = new Label(words.weight(w.grossKg()));
            gross.setId("facts-weighing");
            gross.getStyleClass().add("fact-value");
            Label where = detail(
                    words.text("facts.weighedAt", w.scaleCode(), words.time(w.weighedAt()), words.weight(declared)),
                    null);
            HBox line = new HBox(10, gross, where);
            line.setAlignment(Pos.BASELINE_LEFT);
            scale.getChildren().add(line);
        }

        Label feeTitle = section(words.text("facts.fees"));
        VBox fees = new VBox(1, feeTitle);
        NumberFormat number = NumberFormat.getNumberInstance(words.locale());
        if (facts.fees().isEmpty()) {
            fees.getChildren().add(detail(words.text("facts.noFees"), "facts-fees"));
        }
        for (FeeDto fee : facts.fees()) {
            Label line = new Label(words.text(
                    fee.paid() ? "facts.feePaid" : "facts.feeDue",
                    words.text("facts.fee." + fee.kind().name()),
                    number.format(fee.amountVnd())));
            line.getStyleClass().add(fee.paid() ? "fact-detail" : "fee-due");
            fees.getChildren().add(line);
        }
        HBox both = new HBox(28, scale, fees);
        HBox.setHgrow(scale, Priority.ALWAYS);
        HBox.setHgrow(fees, Priority.ALWAYS);
        return both;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-section");
        return label;
    }

    private static Label detail(String text, String id) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-detail");
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    private static Label cell(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        return label;
    }

    Parent root() {
        return root;
    }
}
