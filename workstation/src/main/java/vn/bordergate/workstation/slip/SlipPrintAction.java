package vn.bordergate.workstation.slip;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.workstation.printing.DocumentPreviewView;
import vn.bordergate.workstation.printing.DocumentPreviewViewModel;
import vn.bordergate.workstation.printing.Printers;
import vn.bordergate.workstation.printing.SystemPrinters;
import vn.bordergate.workstation.text.Wording;

/** The "Print slip" button (Ctrl+P) of the selected crossing: fetches the slip and opens its preview. */
public final class SlipPrintAction {
    private final SlipViewModel model;
    private final ObservableObjectValue<CrossingDto> selected;
    private final Wording words;
    private final Printers printers = new SystemPrinters();
    private final HBox node;

    public SlipPrintAction(SlipViewModel model, ObservableObjectValue<CrossingDto> selected, Wording words) {
        this.model = model;
        this.selected = selected;
        this.words = words;
        Label key = new Label(words.text("slip.printShortcut"));
        key.getStyleClass().add("key-cap");
        Button print = new Button(words.text("slip.print"), key);
        print.setId("print-slip");
        print.getStyleClass().add("action-button");
        // a document action, not a decision: the station's slate blue, not a decision colour
        print.setStyle("-fx-background-color: #2f5d8a;");
        print.disableProperty().bind(Bindings.isNull(selected).or(model.busy()));
        print.setOnAction(e -> print(print.getScene().getWindow()));
        Label problem = new Label();
        problem.setId("print-slip-error");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty()
                .bind(Bindings.when(model.busy())
                        .then(words.text("slip.downloading"))
                        .otherwise(model.error()));
        node = new HBox(8, print, problem);
        node.setAlignment(Pos.CENTER_LEFT);
    }

    /** Fetches the selected crossing's slip and shows it over {@code owner}; nothing when none is selected. */
    public void print(Window owner) {
        model.fetch(selected.get())
                .thenAccept(document -> document.ifPresent(d -> {
                    var preview = new DocumentPreviewViewModel(d, model.background(), printers, words);
                    DocumentPreviewView.open(owner, preview, words, DocumentPreviewView.fileChooser(owner, words));
                }))
                // a preview that cannot open must say so, not leave the officer pressing Ctrl+P again
                .exceptionally(failure -> {
                    model.previewFailed(failure);
                    return null;
                });
    }

    public Node node() {
        return node;
    }
}
