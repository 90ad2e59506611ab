package vn.bordergate.server.reports;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.server.documents.DocumentRenderer;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.publicstatus.GateSite;
import vn.bordergate.server.service.GateException;

/** The supervisors' reports: figures read in one read-only transaction, then printed from their template. */
public final class Reports {
    private static final DateTimeFormatter GENERATED =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ReportRange.ZONE);

    private final Transactions tx;
    private final Clock clock;
    private final DocumentRenderer renderer;

    public Reports(Transactions tx, DocumentRenderer renderer, Clock clock) {
        this.tx = tx;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** A report's figures, without printing them. */
    public ReportDocument document(ReportKind kind, ReportRange range) {
        return read(kind, range).document();
    }

    public byte[] render(ReportRequest request) {
        Read read = read(request.kind(), request.range());
        if (request.gate() != null
                && !request.gate().isBlank()
                && !request.gate().strip().equals(read.site().code())) {
            throw GateException.invalidField(
                    "gate",
                    "'" + request.gate() + "' is not this gate: this server runs "
                            + read.site().code());
        }
        ReportDocument document = read.document();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("titleVi", document.titleVi());
        parameters.put("titleEn", document.titleEn());
        parameters.put("covers", document.covers());
        parameters.put("gate", read.site().bilingualName());
        parameters.put("generated", GENERATED.format(clock.instant()));
        if (document.chart() != null) {
            parameters.put("chart", document.chart());
        }
        String template = "reports/" + request.kind().path() + ".jrxml";
        return request.format() == ReportFormat.PDF
                ? renderer.pdf(template, parameters, document.lines())
                : renderer.xlsx(template, parameters, document.lines());
    }

    private record Read(GateSite site, ReportDocument document) {}

    private Read read(ReportKind kind, ReportRange range) {
        ReportContent content =
                switch (kind) {
                    case SHIFT_HANDOVER -> new ShiftHandoverReport();
                    case THROUGHPUT -> new ThroughputReport();
                    case DWELL_TIME -> new DwellTimeReport();
                    case AGENCY_PERFORMANCE -> new AgencyPerformanceReport();
                    case ENTERPRISE_ACTIVITY -> new EnterpriseActivityReport();
                };
        return tx.read(session -> session.doReturningWork(c -> new Read(GateSite.read(c), content.build(c, range))));
    }
}
