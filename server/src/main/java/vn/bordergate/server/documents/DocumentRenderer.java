package vn.bordergate.server.documents;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Semaphore;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Fills a template with parameters and rows, and exports the result as PDF or XLSX.
 *
 * <p>Safe for concurrent requests: compiled templates are shared read-only, while each fill gets its
 * own copy of the parameters (JasperReports writes its built-in parameters into the map it is given)
 * and its own data source. At most {@code maxConcurrentFills} fills run at once, so a burst of print
 * requests queues instead of filling the heap with half-built pages.
 */
public final class DocumentRenderer {
    /** Documents are read at the gate: Vietnamese number formats and the gate's own clock by default. */
    public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("vi-VN");

    public static final TimeZone DEFAULT_TIME_ZONE = TimeZone.getTimeZone("Asia/Ho_Chi_Minh");

    private final DocumentTemplates templates;
    private final Semaphore fills;

    public DocumentRenderer(DocumentTemplates templates, int maxConcurrentFills) {
        if (maxConcurrentFills < 1) {
            throw new IllegalArgumentException("at least one fill must be allowed at a time");
        }
        this.templates = templates;
        this.fills = new Semaphore(maxConcurrentFills, true);
    }

    /** A renderer allowing one fill per processor. */
    public DocumentRenderer(DocumentTemplates templates) {
        this(templates, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public byte[] pdf(String template, Map<String, ?> parameters, List<? extends Record> rows) {
        return pdf(template, parameters, rows.isEmpty() ? new JREmptyDataSource(0) : new RecordDataSource(rows));
    }

    public byte[] pdf(String template, Map<String, ?> parameters, JRDataSource rows) {
        return pdf(fill(template, parameters, rows));
    }

    public byte[] xlsx(String template, Map<String, ?> parameters, List<? extends Record> rows) {
        return xlsx(fill(template, parameters, rows.isEmpty() ? new JREmptyDataSource(0) : new RecordDataSource(rows)));
    }

    /** The filled pages, for callers that want to look at them (page count) before exporting. */
    public JasperPrint fill(String template, Map<String, ?> parameters, JRDataSource rows) {
        var report = templates.get(template);
        Map<String, Object> own = new HashMap<>(parameters);
        own.putIfAbsent(JRParameter.REPORT_LOCALE, DEFAULT_LOCALE);
        own.putIfAbsent(JRParameter.REPORT_TIME_ZONE, DEFAULT_TIME_ZONE);
        fills.acquireUninterruptibly();
        try {
            return JasperFillManager.fillReport(report, own, rows);
        } catch (JRException e) {
            throw new DocumentException("filling " + template + " failed: " + e.getMessage(), e);
        } finally {
            fills.release();
        }
    }

    public static byte[] pdf(JasperPrint print) {
        var out = new ByteArrayOutputStream();
        var exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        var configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(print.getName());
        configuration.setMetadataCreator("BorderGate");
        exporter.setConfiguration(configuration);
        export(exporter::exportReport, "PDF", print);
        return out.toByteArray();
    }

    public static byte[] xlsx(JasperPrint print) {
        var out = new ByteArrayOutputStream();
        var exporter = new JRXlsxExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        var configuration = new SimpleXlsxReportConfiguration();
        // one sheet with real numbers in real cells, not a picture of pages
        configuration.setOnePagePerSheet(false);
        configuration.setDetectCellType(true);
        configuration.setRemoveEmptySpaceBetweenRows(true);
        configuration.setWhitePageBackground(false);
        exporter.setConfiguration(configuration);
        export(exporter::exportReport, "XLSX", print);
        return out.toByteArray();
    }

    private interface Export {
        void run() throws JRException;
    }

    private static void export(Export export, String format, JasperPrint print) {
        try {
            export.run();
        } catch (JRException e) {
            throw new DocumentException(format + " export of " + print.getName() + " failed: " + e.getMessage(), e);
        }
    }
}
