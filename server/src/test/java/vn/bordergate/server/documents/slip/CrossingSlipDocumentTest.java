package vn.bordergate.server.documents.slip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.documents.DocumentRenderer;
import vn.bordergate.server.documents.DocumentTemplates;
import vn.bordergate.server.documents.PrintedPdf;

/**
 * The slip template over a full slip (no server): what it prints, that it stays on one page, and the
 * QR code. Leaves the PDF and a 110 dpi picture of it in {@code target/slip-preview/} to look at.
 */
class CrossingSlipDocumentTest {
    private static final CrossingSlipDocument DOCUMENT =
            new CrossingSlipDocument(new DocumentRenderer(new DocumentTemplates()));

    static CrossingSlip sample(int goodsLines) {
        List<SlipGoodsLine> goods = new ArrayList<>();
        for (int i = 1; i <= goodsLines; i++) {
            goods.add(new SlipGoodsLine(
                    i,
                    i % 2 == 1 ? "08106000" : "08045020",
                    i % 2 == 1 ? "Sầu riêng tươi (fresh durian), loại 1, đóng thùng carton" : "Xoài tươi (fresh mango)",
                    new BigDecimal(i % 2 == 1 ? "12000" : "8500.5"),
                    "KGM",
                    new BigDecimal(i % 2 == 1 ? "12850.50" : "9020")));
        }
        List<SlipStamp> stamps = new ArrayList<>();
        for (Step step : Step.values()) {
            StepState state = step.number() <= 4
                    ? StepState.PASSED
                    : step == Step.BORDER_CONTROL
                            ? StepState.HELD
                            : step == Step.TRANSSHIPMENT ? StepState.SKIPPED : StepState.PENDING;
            boolean decided = state == StepState.PASSED || state == StepState.HELD;
            stamps.add(new SlipStamp(
                    step.number(),
                    SlipWords.of(step).vi(),
                    SlipWords.of(step).en(),
                    SlipWords.of(step.agency()).vi(),
                    SlipWords.of(step.agency()).en(),
                    state.name(),
                    SlipWords.of(state).vi(),
                    SlipWords.of(state).en(),
                    decided ? "Trần Thị Hương" : null,
                    decided ? "HQ-HN-01" : null,
                    decided ? "22/11/2026 08:4" + step.number() : null,
                    state == StepState.HELD
                            ? "Thiếu giấy chứng nhận kiểm dịch thực vật (missing phytosanitary certificate)"
                            : null));
        }
        return new CrossingSlip(
                "Cửa khẩu quốc tế Hữu Nghị, Lạng Sơn",
                4711,
                "BG-00004711",
                SlipWords.of(Direction.IMPORT),
                SlipWords.of(CrossingStatus.HELD),
                "琼B12345",
                "琼B9876挂",
                "Công ty TNHH Xuất nhập khẩu Nông sản Đồng Đăng",
                "4900123456",
                "Nguyễn Văn Thắng",
                "C1234567 (VN)",
                new BigDecimal("31250.5"),
                "Cân SCALE-1 · 22/11/2026 08:31",
                new BigDecimal("21870.50"),
                goods,
                stamps,
                "22/11/2026 08:52 (GMT+7)",
                "Trần Thị Hương (customs)");
    }

    @Test
    void slipPrintsVehicleGoodsStampsAndQrOnOnePage() throws IOException {
        byte[] pdf = DOCUMENT.pdf(sample(2));
        PrintedPdf printed = new PrintedPdf(pdf);
        keep(printed, pdf, "crossing-slip");

        assertThat(printed.pages()).isEqualTo(1);
        assertThat(printed.text())
                .contains("PHIẾU THEO DÕI PHƯƠNG TIỆN QUA CỬA KHẨU")
                .contains("琼B12345")
                .contains("Công ty TNHH Xuất nhập khẩu Nông sản Đồng Đăng")
                .contains("Biển số đầu kéo · Tractor plate")
                .contains("Sầu riêng tươi (fresh durian)")
                .contains("Kiểm dịch y tế lái xe")
                .contains("Thiếu giấy chứng nhận kiểm dịch thực vật")
                .contains("BG-00004711")
                .contains("Trần Thị Hương (customs)");
        assertThat(printed.qrCode(0)).contains("BG:CROSSING:4711");
        assertThat(vn.bordergate.server.documents.PrintedGlyphs.mismatches(pdf)).isEmpty();
    }

    @Test
    void manyGoodsLinesRunOntoASecondPageWithTheTableHeaderRepeated() throws IOException {
        byte[] pdf = DOCUMENT.pdf(sample(40));
        PrintedPdf printed = new PrintedPdf(pdf);
        keep(printed, pdf, "crossing-slip-long");

        assertThat(printed.pages()).isGreaterThan(1);
        assertThat(printed.text().split("Mã HS", -1)).hasSize(printed.pages() + 1);
        assertThat(printed.text()).contains("Trang · Page 2 / " + printed.pages());
    }

    private static void keep(PrintedPdf printed, byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target", "slip-preview");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".pdf"), pdf);
        for (int page = 0; page < printed.pages(); page++) {
            ImageIO.write(
                    printed.render(page, 110),
                    "png",
                    dir.resolve(name + "-" + (page + 1) + ".png").toFile());
        }
    }
}
