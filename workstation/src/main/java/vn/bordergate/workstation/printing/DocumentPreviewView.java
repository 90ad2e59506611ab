package vn.bordergate.workstation.printing;

import java.awt.image.BufferedImage;
import java.nio.IntBuffer;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.text.Wording;

/**
 * The preview window: the pages on a grey desk, zoom, page count, and Print, Save PDF and Close with
 * their keys (Ctrl+P, Ctrl+S, Esc). Closing it never loses anything: the document is the server's.
 */
public final class DocumentPreviewView {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DocumentPreviewView.class);

    /** JavaFX pixels per PDF point at zoom 1: a page on screen as large as on paper. */
    private static final double SCREEN_PER_POINT = 96.0 / 72.0;

    private static final String STYLESHEET =
            DocumentPreviewView.class.getResource("preview.css").toExternalForm();

    private final DocumentPreviewViewModel model;
    private final BorderPane root = new BorderPane();
    private final VBox sheets = new VBox(18);
    private SaveTarget target;

    public DocumentPreviewView(DocumentPreviewViewModel model, Wording words, SaveTarget target) {
        this.model = model;
        this.target = target;
        root.setId("document-preview");
        // lets a test find the view behind the window and point Save at a file instead of a dialog
        root.getProperties().put(DocumentPreviewView.class, this);
        root.getStyleClass().add("document-preview");
        root.setTop(toolbar(words));
        sheets.setAlignment(Pos.TOP_CENTER);
        sheets.setPadding(new Insets(24));
        sheets.getStyleClass().add("preview-desk");
        StackPane desk = new StackPane(sheets);
        desk.getStyleClass().add("preview-desk");
        ScrollPane scroll = new ScrollPane(desk);
        scroll.setId("preview-pages");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("preview-scroll");
        root.setCenter(scroll);
        root.setBottom(statusLine());
        model.pages().addListener((ListChangeListener<BufferedImage>) change -> showPages());
        model.zoom().addListener((obs, before, now) -> zoomPages());
        showPages();
    }

    /** Opens the preview as a window of its own over {@code owner}, and starts drawing the pages. */
    public static Stage open(Window owner, DocumentPreviewViewModel model, Wording words, SaveTarget target) {
        DocumentPreviewView view = new DocumentPreviewView(model, words, target);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.title());
        Scene scene = new Scene(view.root(), 980, 900);
        Theme.apply(scene);
        scene.getStylesheets().add(STYLESHEET);
        view.bindKeys(scene);
        stage.setScene(scene);
        model.closed().addListener((obs, was, closed) -> {
            if (closed) {
                stage.close();
            }
        });
        stage.setOnHidden(e -> model.close());
        stage.show();
        model.load();
        return stage;
    }

    /** The officer's file dialog, starting in the home folder with the document's own name. */
    public static SaveTarget fileChooser(Window owner, Wording words) {
        return suggested -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(words.text("preview.saveTitle"));
            chooser.setInitialFileName(suggested);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }

    /** Where Save PDF writes from now on (the file dialog unless told otherwise). */
    public void useSaveTarget(SaveTarget newTarget) {
        this.target = newTarget;
    }

    void bindKeys(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), model::close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), model::print);
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> model.save(target));
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), model::zoomIn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), model::zoomIn);
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), model::zoomOut);
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), model::zoomOut);
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), model::resetZoom);
    }

    private Parent toolbar(Wording words) {
        Label title = new Label(model.title());
        title.setId("preview-title");
        title.getStyleClass().add("preview-title");
        Label pages = new Label();
        pages.setId("preview-page-count");
        pages.getStyleClass().add("muted");
        pages.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> words.text("preview.pages", model.pageCount().get()), model.pageCount()));
        VBox heading = new VBox(2, title, pages);

        Button zoomOut = new Button("−");
        zoomOut.setId("preview-zoom-out");
        zoomOut.setOnAction(e -> model.zoomOut());
        zoomOut.disableProperty().bind(model.zoom().lessThanOrEqualTo(DocumentPreviewViewModel.MIN_ZOOM));
        Label zoom = new Label();
        zoom.setId("preview-zoom");
        zoom.getStyleClass().add("preview-zoom");
        zoom.textProperty()
                .bind(Bindings.createStringBinding(() -> Math.round(model.zoom().get() * 100) + " %", model.zoom()));
        Button zoomIn = new Button("+");
        zoomIn.setId("preview-zoom-in");
        zoomIn.setOnAction(e -> model.zoomIn());
        zoomIn.disableProperty().bind(model.zoom().greaterThanOrEqualTo(DocumentPreviewViewModel.MAX_ZOOM));
        HBox zoomBox = new HBox(4, zoomOut, zoom, zoomIn);
        zoomBox.setAlignment(Pos.CENTER);

        Button print = new Button(words.text("preview.print"));
        print.setId("preview-print");
        print.getStyleClass().add("primary");
        print.setOnAction(e -> model.print());
        print.disableProperty().bind(model.busy().or(model.pageCount().isEqualTo(0)));
        Button save = new Button(words.text("preview.save"));
        save.setId("preview-save");
        save.setOnAction(e -> model.save(target));
        save.disableProperty().bind(model.busy());
        model.noPrinter().addListener((obs, was, none) -> {
            save.getStyleClass().remove("primary");
            if (none) {
                save.getStyleClass().add("primary");
                save.requestFocus();
            }
        });
        Button close = new Button(words.text("preview.close"));
        close.setId("preview-close");
        close.setCancelButton(true);
        close.setOnAction(e -> model.close());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(14, heading, gap, zoomBox, print, save, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("preview-toolbar");
        return bar;
    }

    private Parent statusLine() {
        Label status = new Label();
        status.setId("preview-status");
        status.setWrapText(true);
        status.textProperty()
                .bind(Bindings.when(model.error().isNotEmpty())
                        .then(model.error())
                        .otherwise(model.message()));
        model.error().addListener((obs, before, now) -> {
            status.getStyleClass().removeAll("error-text", "ok-text");
            status.getStyleClass().add(now.isEmpty() ? "ok-text" : "error-text");
        });
        HBox line = new HBox(status);
        line.getStyleClass().add("preview-status");
        return line;
    }

    /** Converts the page pictures once; zooming only resizes them. */
    private void showPages() {
        try {
            drawSheets();
        } catch (RuntimeException e) {
            // a list listener's exception would otherwise vanish, leaving an empty preview and no word why
            LOG.error("the preview could not show the pages of {}", model.title(), e);
            throw e;
        }
    }

    private void drawSheets() {
        sheets.getChildren().clear();
        int number = 0;
        for (BufferedImage page : model.pages()) {
            ImageView view = new ImageView(fxImage(page));
            view.setPreserveRatio(true);
            view.setSmooth(true);
            StackPane sheet = new StackPane(view);
            sheet.setId("preview-page-" + ++number);
            sheet.getStyleClass().add("preview-sheet");
            sheet.setMaxWidth(Region.USE_PREF_SIZE);
            sheets.getChildren().add(sheet);
        }
        zoomPages();
    }

    private void zoomPages() {
        double scale = model.zoom().get() * SCREEN_PER_POINT * 72.0 / PdfPages.PREVIEW_DPI;
        for (var sheet : sheets.getChildren()) {
            ImageView view = (ImageView) ((StackPane) sheet).getChildren().get(0);
            view.setFitWidth(view.getImage().getWidth() * scale);
        }
    }

    /** A PDFBox page picture as a JavaFX image (javafx-swing's converter is not on the module path here). */
    static WritableImage fxImage(BufferedImage page) {
        int width = page.getWidth();
        int height = page.getHeight();
        int[] argb = page.getRGB(0, 0, width, height, null, 0, width);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter()
                .setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), width);
        return image;
    }

    public DocumentPreviewViewModel model() {
        return model;
    }

    public Parent root() {
        return root;
    }
}
