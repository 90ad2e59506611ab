package vn.bordergate.workstation.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** The preview's view model without the FX toolkit: real PDFBox drawing, a real file, a fake printer. */
class DocumentPreviewViewModelTest {
    private static final Wording WORDS = Wording.of(Wording.ENGLISH);
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    static byte[] twoPagePdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int page = 1; page <= 2; page++) {
                PDPage p = new PDPage(PDRectangle.A4);
                document.addPage(p);
                try (var text = new PDPageContentStream(document, p)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                    text.newLineAtOffset(72, 700);
                    text.showText("Crossing slip, page " + page);
                    text.endText();
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private DocumentPreviewViewModel model(byte[] pdf, Printers printers) {
        return ui.call(() -> new DocumentPreviewViewModel(
                new PrintableDocument("Crossing slip 4711", "crossing-4711-slip.pdf", pdf),
                work::submit,
                printers,
                WORDS));
    }

    private void await(Supplier<CompletableFuture<Void>> action) {
        CompletableFuture<Void> done = ui.call(action::get);
        done.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    @Test
    void aListenerOnThePagesStillHearsOfThemAfterAGarbageCollection() throws IOException {
        var model = model(twoPagePdf(), unused -> Printers.Outcome.PRINTED);
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        // as the preview window does: a listener on pages(), no other reference to the list kept
        ui.call(() -> {
            model.pages().addListener((javafx.collections.ListChangeListener<java.awt.image.BufferedImage>)
                    change -> told.incrementAndGet());
            return null;
        });
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        await(model::load);

        assertThat(told.get()).as("the view heard the pages arrive").isEqualTo(1);
    }

    @Test
    void pagesAreDrawnInTheBackgroundAtPreviewResolution() throws IOException {
        var model = model(twoPagePdf(), unused -> Printers.Outcome.PRINTED);

        await(model::load);

        assertThat(ui.call(() -> model.pageCount().get())).isEqualTo(2);
        var first = ui.call(() -> model.pages().get(0));
        // A4 is 595.28 × 841.89 points: at 144 dpi, twice that in whole pixels
        assertThat(first.getWidth()).isEqualTo((int) (PDRectangle.A4.getWidth() * 2));
        assertThat(first.getHeight()).isEqualTo((int) (PDRectangle.A4.getHeight() * 2));
        assertThat(ui.call(() -> model.busy().get())).isFalse();
        assertThat(ui.call(() -> model.error().get())).isEmpty();
    }

    @Test
    void bytesThatAreNoPdfSaySoInPlainWords() {
        var model = model("not a pdf".getBytes(), unused -> Printers.Outcome.PRINTED);

        await(model::load);

        assertThat(ui.call(() -> model.error().get())).isEqualTo(WORDS.text("preview.unreadable"));
        assertThat(ui.call(() -> model.pageCount().get())).isZero();
    }

    @Test
    void printingHandsTheDocumentToThePrinterOffTheUiThread() throws IOException {
        List<String> printedOn = new ArrayList<>();
        var model = model(twoPagePdf(), document -> {
            printedOn.add(Thread.currentThread().getName() + " " + document.title());
            return Printers.Outcome.PRINTED;
        });

        await(model::print);

        assertThat(printedOn).singleElement().asString().startsWith("gate-io-").endsWith("Crossing slip 4711");
        assertThat(ui.call(() -> model.message().get())).isEqualTo(WORDS.text("preview.printed"));
    }

    @Test
    void noPrinterIsSaidPlainlyAndPointsToSavePdf() throws IOException {
        var model = model(twoPagePdf(), unused -> Printers.Outcome.NO_PRINTER);

        await(model::print);

        assertThat(ui.call(() -> model.noPrinter().get())).isTrue();
        assertThat(ui.call(() -> model.error().get()))
                .isEqualTo(WORDS.text("preview.noPrinter"))
                .contains("Save PDF");
    }

    @Test
    void aFailingPrinterIsAPlainSentenceNotAStackTrace() throws IOException {
        var model = model(twoPagePdf(), unused -> {
            throw new java.awt.print.PrinterException("cups: client-error-not-possible");
        });

        await(model::print);

        assertThat(ui.call(() -> model.error().get()))
                .isEqualTo(WORDS.text("preview.printFailed"))
                .doesNotContain("Exception", "cups");
        assertThat(ui.call(() -> model.busy().get())).isFalse();
    }

    @Test
    void cancellingThePrinterDialogSaysNothing() throws IOException {
        var model = model(twoPagePdf(), unused -> Printers.Outcome.CANCELLED);

        await(model::print);

        assertThat(ui.call(() -> model.error().get() + model.message().get())).isEmpty();
    }

    @Test
    void saveWritesTheExactPdfWhereTheOfficerChoseAndNothingElse() throws IOException {
        byte[] pdf = twoPagePdf();
        var model = model(pdf, unused -> Printers.Outcome.NO_PRINTER);
        await(model::print);
        Path chosen = dir.resolve("slips").resolve("slip.pdf");
        List<String> offered = new ArrayList<>();

        await(() -> model.save(suggested -> {
            offered.add(suggested);
            return Optional.of(chosen);
        }));

        assertThat(offered).containsExactly("crossing-4711-slip.pdf");
        assertThat(Files.readAllBytes(chosen)).isEqualTo(pdf);
        try (var files = Files.list(chosen.getParent())) {
            assertThat(files).containsExactly(chosen); // no temporary file left beside it
        }
        assertThat(ui.call(() -> model.message().get())).isEqualTo(WORDS.text("preview.saved", chosen));
        assertThat(ui.call(() -> model.savedTo().get())).isEqualTo(chosen.toString());
        assertThat(ui.call(() -> model.noPrinter().get())).isFalse();
    }

    @Test
    void cancelledSaveWritesNothing() throws IOException {
        var model = model(twoPagePdf(), unused -> Printers.Outcome.PRINTED);

        await(() -> model.save(suggested -> Optional.empty()));

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(ui.call(() -> model.busy().get())).isFalse();
    }

    @Test
    void saveWhereNoFileCanBeMadeSaysWhereAndLeavesNothing() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        var model = model(twoPagePdf(), unused -> Printers.Outcome.PRINTED);

        await(() -> model.save(suggested -> Optional.of(notAFolder.resolve("slip.pdf"))));

        assertThat(ui.call(() -> model.error().get()))
                .isEqualTo(WORDS.text("preview.saveFailed", notAFolder.resolve("slip.pdf")));
        assertThat(ui.call(() -> model.savedTo().get())).isEmpty();
    }

    @Test
    void zoomStaysBetweenHalfAndThreeTimes() throws IOException {
        var model = model(twoPagePdf(), unused -> Printers.Outcome.PRINTED);
        ui.run(() -> {
            for (int i = 0; i < 20; i++) {
                model.zoomIn();
            }
        });
        assertThat(ui.call(() -> model.zoom().get())).isEqualTo(DocumentPreviewViewModel.MAX_ZOOM);
        ui.run(() -> {
            for (int i = 0; i < 20; i++) {
                model.zoomOut();
            }
        });
        assertThat(ui.call(() -> model.zoom().get())).isEqualTo(DocumentPreviewViewModel.MIN_ZOOM);
        ui.run(model::resetZoom);
        assertThat(ui.call(() -> model.zoom().get())).isEqualTo(1.0);
        ui.run(model::close);
        assertThat(ui.call(() -> model.closed().get())).isTrue();
    }

    @Test
    void theSystemPrintersSayNoPrinterOnAComputerWithoutOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                javax.print.PrintServiceLookup.lookupPrintServices(null, null).length == 0,
                "this computer has a printer");
        var document = new PrintableDocument("t", "t.pdf", twoPagePdf());

        assertThat(new SystemPrinters().print(document)).isEqualTo(Printers.Outcome.NO_PRINTER);
    }
}
