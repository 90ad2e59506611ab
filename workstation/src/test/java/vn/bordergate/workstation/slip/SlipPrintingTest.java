package vn.bordergate.workstation.slip;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.workstation.printing.DocumentPreviewView;
import vn.bordergate.workstation.station.StationViewModel;
import vn.bordergate.workstation.support.BusyThreads;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.FxRunner;
import vn.bordergate.workstation.support.OnScreen;
import vn.bordergate.workstation.support.OpenWindows;
import vn.bordergate.workstation.support.ScreenText;
import vn.bordergate.workstation.support.WorkstationStage;
import vn.bordergate.workstation.text.Wording;

/**
 * Printing a slip from the station against a real gate, headless: Ctrl+P on the selected crossing opens
 * the preview, Save PDF writes the server's PDF (the file dialog swapped for a fixed file), and the file
 * read back with PDFBox carries the plate, the enterprise and a QR code of the crossing id.
 */
@ExtendWith(ApplicationExtension.class)
class SlipPrintingTest {
    private static DemoGate gate;
    private WorkstationStage workstation;

    @TempDir
    Path dir;

    @BeforeAll
    static void gate() {
        gate = DemoGate.shared();
        // the server compiles the slip template in the background after it starts; on a loaded build
        // machine that can outlast the workstation's 10 s call timeout, which is not what these tests are about
        var patient = new GateClient(gate.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(180));
        patient.withToken(patient.login("medical", DemoGate.PASSWORD).token())
                .download(
                        "/api/crossings/" + gate.declare(DemoGate.uniquePlate()).id() + "/slip", "application/pdf");
    }

    @Start
    void start(Stage stage) {
        workstation = new WorkstationStage(stage, gate, Wording.VIETNAMESE);
        workstation.signInAs("medical");
    }

    @AfterEach
    void stop() {
        workstation.close();
    }

    /** A Chinese truck with steps 1–3 passed: its slip has stamps and a plate only the CJK font prints. */
    private static CrossingDto chineseTruckAtTheYard() {
        String plate = String.format("琼B%05d", (int) (System.nanoTime() / 1000 % 100_000));
        CrossingDto crossing = gate.declare(plate);
        for (Step step : List.of(Step.DECLARATION, Step.TRANSPORT, Step.VEHICLE_CONTROL)) {
            crossing = gate.pass(crossing.id(), step);
        }
        return crossing;
    }

    private void select(CrossingDto crossing) throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> {
                    StationViewModel station = workstation.window().station();
                    return station != null
                            && station.queue().byId(crossing.id()).isPresent();
                }));
        FxRunner.run(() -> {
            StationViewModel station = workstation.window().station();
            station.queue().byId(crossing.id()).ifPresent(station::select);
        });
    }

    @Test
    void ctrlPOpensThePreviewAndSavePdfWritesTheSlipWithPlateEnterpriseAndQr(FxRobot robot) throws Exception {
        CrossingDto crossing = chineseTruckAtTheYard();
        select(crossing);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> crossing.tractorPlate().equals(ScreenText.of(robot, "#detail-plate")));

        // the station window must have the keyboard (a preview window of an earlier test may have had it)
        OnScreen.await(robot, "#detail-plate", 10);
        robot.clickOn("#detail-plate");
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);

        // the first slip of a fresh server may wait for its template to compile
        awaitPreview(robot);
        assertThat(ScreenText.of(robot, "#preview-page-count")).isEqualTo("1 trang");
        assertThat(ScreenText.of(robot, "#preview-title"))
                .contains(String.valueOf(crossing.id()), crossing.tractorPlate());

        Path file = dir.resolve("slip.pdf");
        FxRunner.run(() -> previewView(robot).useSaveTarget(suggested -> Optional.of(file)));
        OnScreen.await(robot, "#preview-save", 10);
        robot.clickOn("#preview-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ScreenText.of(robot, "#preview-status")
                .equals("Đã lưu vào " + file));

        byte[] pdf = Files.readAllBytes(file);
        assertThat(text(pdf)).contains(crossing.tractorPlate(), crossing.enterpriseName(), "Biển số đầu kéo");
        assertThat(qrCode(pdf)).contains("BG:CROSSING:" + crossing.id());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#document-preview")
                .tryQuery()
                .isEmpty());
    }

    @Test
    void printOnAComputerWithoutPrinterSaysSoAndOffersSavePdf(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                javax.print.PrintServiceLookup.lookupPrintServices(null, null).length == 0,
                "this computer has a printer");
        CrossingDto crossing = chineseTruckAtTheYard();
        select(crossing);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> crossing.tractorPlate().equals(ScreenText.of(robot, "#detail-plate")));

        // a click on a button still disabled (the detail busy) would do nothing
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> !robot.lookup("#print-slip").query().isDisabled()));
        robot.clickOn("#print-slip");
        awaitPreview(robot);
        OnScreen.await(robot, "#preview-print", 10);
        robot.clickOn("#preview-print");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ScreenText.of(robot, "#preview-status")
                .equals(Wording.of(Wording.VIETNAMESE).text("preview.noPrinter")));
        assertThat(robot.lookup("#preview-save").query().getStyleClass()).contains("primary");
        OnScreen.await(robot, "#preview-close", 10);
        robot.clickOn("#preview-close");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#document-preview")
                .tryQuery()
                .isEmpty());
    }

    private static void awaitPreview(FxRobot robot) throws TimeoutException {
        try {
            // as long as the other test allows: a loaded machine renders and previews a slip slowly
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#preview-page-1")
                    .tryQuery()
                    .isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "no preview; the station says: '" + ScreenText.of(robot, "#print-slip-error")
                            + "', the preview says: '" + ScreenText.of(robot, "#preview-status") + "'; "
                            + OpenWindows.describe() + "\n" + BusyThreads.describe(),
                    e);
        }
    }

    private static DocumentPreviewView previewView(FxRobot robot) {
        return (DocumentPreviewView)
                robot.lookup("#document-preview").query().getProperties().get(DocumentPreviewView.class);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The QR code read from the first page drawn at 200 dpi, as a hand scanner would see the paper. */
    private static Optional<String> qrCode(byte[] pdf) throws IOException {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.RGB);
        }
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        try {
            return Optional.of(new com.google.zxing.qrcode.QRCodeReader()
                    .decode(bitmap, Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText());
        } catch (com.google.zxing.ReaderException e) {
            return Optional.empty();
        }
    }
}
