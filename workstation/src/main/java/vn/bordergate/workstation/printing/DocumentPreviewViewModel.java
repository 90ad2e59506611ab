package vn.bordergate.workstation.printing;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.bordergate.workstation.text.Wording;

/**
 * A document's preview: its pages drawn in the background, the zoom, and printing or saving it, with what
 * happened in plain words. Every method is called on the FX thread; the blocking parts (drawing, printing,
 * writing the file) run on the background executor.
 */
public final class DocumentPreviewViewModel {
    static final double MIN_ZOOM = 0.5;
    static final double MAX_ZOOM = 3.0;
    private static final double ZOOM_STEP = 0.25;

    private final PrintableDocument document;
    private final Background work;
    private final Printers printers;
    private final Wording words;

    private final ObservableList<BufferedImage> pages = FXCollections.observableArrayList();
    /**
     * One read-only view kept for good: the backing list holds such a view only weakly, so a view made per
     * call, and the listeners added to it, vanished at the next garbage collection (an empty preview).
     */
    private final ObservableList<BufferedImage> pagesView = FXCollections.unmodifiableObservableList(pages);

    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1.0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper noPrinter = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper savedTo = new ReadOnlyStringWrapper("");

    public DocumentPreviewViewModel(PrintableDocument document, Background work, Printers printers, Wording words) {
        this.document = document;
        this.work = work;
        this.printers = printers;
        this.words = words;
    }

    /** Draws the pages in the background; they appear together when done. */
    public CompletableFuture<Void> load() {
        start(words.text("preview.loading"));
        return work.run(() -> PdfPages.render(document.pdf(), PdfPages.PREVIEW_DPI))
                .handle((drawn, failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        error.set(words.text("preview.unreadable"));
                        return null;
                    }
                    pages.setAll(drawn);
                    pageCount.set(drawn.size());
                    message.set("");
                    return null;
                });
    }

    /** Prints through the system's printer dialog; with no printer at all, says so and points to Save PDF. */
    public CompletableFuture<Void> print() {
        if (busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        start(words.text("preview.printing"));
        return work.run(() -> printers.print(document)).handle((outcome, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(words.text("preview.printFailed"));
                return null;
            }
            switch (outcome) {
                case PRINTED -> message.set(words.text("preview.printed"));
                case CANCELLED -> message.set("");
                case NO_PRINTER -> {
                    noPrinter.set(true);
                    error.set(words.text("preview.noPrinter"));
                }
            }
            return null;
        });
    }

    /**
     * Saves the PDF where the officer chooses. Written to a temporary file beside it and then moved into
     * place, so a failure never leaves half a PDF under the chosen name.
     */
    public CompletableFuture<Void> save(SaveTarget target) {
        if (busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        Optional<Path> chosen = target.choose(document.fileName());
        if (chosen.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Path file = chosen.get().toAbsolutePath();
        start(words.text("preview.saving"));
        return work.run(() -> write(file, document.pdf())).handle((written, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(words.text("preview.saveFailed", file));
                return null;
            }
            noPrinter.set(false);
            savedTo.set(written.toString());
            message.set(words.text("preview.saved", written));
            return null;
        });
    }

    private static Path write(Path file, byte[] pdf) throws java.io.IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, ".saving-", ".pdf");
        try {
            Files.write(partial, pdf);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return file;
    }

    public void zoomIn() {
        zoom.set(Math.min(MAX_ZOOM, zoom.get() + ZOOM_STEP));
    }

    public void zoomOut() {
        zoom.set(Math.max(MIN_ZOOM, zoom.get() - ZOOM_STEP));
    }

    public void resetZoom() {
        zoom.set(1.0);
    }

    public void close() {
        closed.set(true);
    }

    private void start(String doing) {
        busy.set(true);
        error.set("");
        message.set(doing);
    }

    public PrintableDocument document() {
        return document;
    }

    public String title() {
        return document.title();
    }

    /** The pages as pictures at {@link PdfPages#PREVIEW_DPI}. */
    public ObservableList<BufferedImage> pages() {
        return pagesView;
    }

    public ReadOnlyIntegerProperty pageCount() {
        return pageCount.getReadOnlyProperty();
    }

    /** 1.0 shows a page at its printed size. */
    public ReadOnlyDoubleProperty zoom() {
        return zoom.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** True after a print found no printer: Save PDF is then the way out. */
    public ReadOnlyBooleanProperty noPrinter() {
        return noPrinter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closed() {
        return closed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** The file last saved, empty before. */
    public ReadOnlyStringProperty savedTo() {
        return savedTo.getReadOnlyProperty();
    }
}
