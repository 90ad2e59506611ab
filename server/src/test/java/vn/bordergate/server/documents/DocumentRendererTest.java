package vn.bordergate.server.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The generic document code over a small real template: compile once, fill, PDF and XLSX, QR codes. */
class DocumentRendererTest {
    private static final String TEMPLATE = "documents/sample.jrxml";
    private static final DocumentTemplates TEMPLATES = new DocumentTemplates();
    private static final DocumentRenderer RENDERER = new DocumentRenderer(TEMPLATES, 2);

    record Line(String code, String label, BigDecimal weight) {}

    private static final List<Line> LINES = List.of(
            new Line("08106000", "Sầu riêng tươi — xe 琼B12345", new BigDecimal("12850.50")),
            new Line("08045020", "Xoài tươi (fresh mango)", new BigDecimal("9000")));

    @Test
    void pdfCarriesVietnameseAndChinesePlateTextInTheEmbeddedDocumentFont() {
        byte[] pdf = RENDERER.pdf(
                TEMPLATE,
                Map.of("title", "Cửa khẩu Hữu Nghị — phiếu thử", "qr", QrCodes.image("BG:TEST:1", 240)),
                LINES);

        PrintedPdf printed = new PrintedPdf(pdf);
        assertThat(printed.fonts()).isNotEmpty().allMatch(f -> f.contains("NotoSansCJK") && f.endsWith("(embedded)"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(printed.text())
                .contains("Cửa khẩu Hữu Nghị — phiếu thử")
                .contains("Sầu riêng tươi — xe 琼B12345")
                .contains("Khối lượng (kg)")
                .contains("12.850,50"); // vi-VN number format by default
    }

    @Test
    void qrImageInThePdfScansBackToItsPayload() {
        byte[] pdf = RENDERER.pdf(TEMPLATE, Map.of("title", "QR", "qr", QrCodes.image("BG:CROSSING:4711", 240)), LINES);

        assertThat(new PrintedPdf(pdf).qrCode(0)).contains("BG:CROSSING:4711");
    }

    @Test
    void qrImageItselfDecodes() {
        assertThat(PrintedPdf.decodeQr(QrCodes.image("BG:CROSSING:1", 200))).contains("BG:CROSSING:1");
        assertThatThrownBy(() -> QrCodes.image("", 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void xlsxHoldsTheRowsAsCells() throws IOException {
        byte[] xlsx = RENDERER.xlsx(TEMPLATE, Map.of("title", "Bảng kê"), LINES);

        String sheets = xlsxXml(xlsx);
        assertThat(sheets)
                .contains("Sầu riêng tươi — xe 琼B12345")
                .contains("Bảng kê")
                .contains("12850.5");
    }

    @Test
    void templateIsCompiledOnceAndShared() {
        assertThat(TEMPLATES.get(TEMPLATE)).isSameAs(TEMPLATES.get(TEMPLATE));
    }

    @Test
    void missingTemplateIsAClearError() {
        assertThatThrownBy(() -> RENDERER.pdf("documents/no-such.jrxml", Map.of(), LINES))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("no document template documents/no-such.jrxml");
    }

    @Test
    void fieldTheRowsDoNotHaveIsAClearError() {
        record Other(String code) {}
        assertThatThrownBy(() -> RENDERER.pdf(TEMPLATE, Map.of(), List.of(new Other("x"))))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("label is no component of Other");
    }

    @Test
    void concurrentFillsEachGetTheirOwnParametersAndRows() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String title = "Phiếu số " + i;
                List<Line> rows = List.of(new Line("0000" + i, "Hàng " + i + " của phiếu " + i, BigDecimal.ONE));
                texts.add(
                        pool.submit(() -> new PrintedPdf(RENDERER.pdf(TEMPLATE, Map.of("title", title), rows)).text()));
            }
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i).get();
                assertThat(text).contains("Phiếu số " + i + "\n").contains("Hàng " + i + " của phiếu " + i);
                for (int j = 0; j < texts.size(); j++) {
                    if (j != i) {
                        assertThat(text).doesNotContain("Hàng " + j + " của");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String xlsxXml(byte[] xlsx) throws IOException {
        StringBuilder xml = new StringBuilder();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().startsWith("xl/")) {
                    xml.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return xml.toString();
    }
}
