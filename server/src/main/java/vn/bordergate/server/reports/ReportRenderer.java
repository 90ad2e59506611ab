package vn.bordergate.server.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills a report's template ({@code reports/<kind>.jrxml}, compiled once and shared) with its lines and
 * exports PDF or XLSX.
 */
final class ReportRenderer {
    private final ConcurrentMap<String, JasperReport> compiled = new ConcurrentHashMap<>();

    byte[] render(String template, Map<String, Object> parameters, List<ReportLine> lines, ReportFormat format) {
        Map<String, Object> own = new HashMap<>(parameters);
        own.put(JRParameter.REPORT_LOCALE, Locale.forLanguageTag("vi-VN"));
        own.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(ReportRange.ZONE));
        List<Map<String, ?>> rows = lines.stream().map(ReportRenderer::row).toList();
        try {
            JasperPrint print = JasperFillManager.fillReport(
                    compiled.computeIfAbsent(template, ReportRenderer::compile),
                    own,
                    new JRMapCollectionDataSource(rows));
            return format == ReportFormat.PDF ? pdf(print) : xlsx(print);
        } catch (JRException e) {
            throw new IllegalStateException("report " + template + " could not be printed: " + e.getMessage(), e);
        }
    }

    private static Map<String, ?> row(ReportLine line) {
        Map<String, String> row = new HashMap<>();
        row.put("section", line.section());
        row.put("kind", line.kind());
        row.put("label", line.label());
        row.put("c1", line.c1());
        row.put("c2", line.c2());
        row.put("c3", line.c3());
        row.put("c4", line.c4());
        row.put("c5", line.c5());
        return row;
    }

    private static JasperReport compile(String template) {
        try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("no report template " + template + " on the classpath");
            }
            return JasperCompileManager.compileReport(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("report template " + template + " does not compile: " + e.getMessage(), e);
        }
    }

    private static byte[] pdf(JasperPrint print) throws JRException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(print.getName());
        configuration.setMetadataCreator("BorderGate");
        exporter.setConfiguration(configuration);
        exporter.exportReport();
        return out.toByteArray();
    }

    private static byte[] xlsx(JasperPrint print) throws JRException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JRXlsxExporter exporter = new JRXlsxExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
        configuration.setOnePagePerSheet(false);
        configuration.setDetectCellType(true);
        configuration.setRemoveEmptySpaceBetweenRows(true);
        configuration.setWhitePageBackground(false);
        exporter.setConfiguration(configuration);
        exporter.exportReport();
        return out.toByteArray();
    }
}
