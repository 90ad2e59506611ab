package vn.bordergate.common.client;

import java.time.LocalDate;
import java.util.Locale;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DashboardDto;
import vn.bordergate.common.dto.PriorityRequest;
import vn.bordergate.common.dto.PublicStatusDto;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.common.dto.ReportShift;

/**
 * What supervisors watch and steer (dashboard, reports, queue priority) and the public status feed, from
 * {@link GateClient#supervision()}.
 */
public final class SupervisionClient {
    private final GateCalls calls;

    SupervisionClient(GateCalls calls) {
        this.calls = calls;
    }

    /** One snapshot of the supervisors' dashboard (SUPERVISOR, ADMINISTRATOR). */
    public DashboardDto dashboard() {
        return calls.get("/api/dashboard", DashboardDto.class);
    }

    /** Gives a crossing priority in the queue, or takes it away (SUPERVISOR), with the reason. */
    public CrossingDto setPriority(long crossingId, PriorityRequest request) {
        return calls.post("/api/crossings/" + crossingId + "/priority", request, CrossingDto.class, null);
    }

    /** The gate's public congestion figures (no token needed). */
    public PublicStatusDto publicStatus() {
        return calls.get("/api/public/status", PublicStatusDto.class);
    }

    /**
     * A report as a PDF or XLSX document (SUPERVISOR, ADMINISTRATOR): the local days {@code from} to
     * {@code to} (both included), the hours of {@code shift} in each.
     *
     * @param format {@code pdf} or {@code xlsx}
     */
    public byte[] report(ReportKind kind, LocalDate from, LocalDate to, ReportShift shift, String format) {
        String path = JsonHttp.withQuery(
                "/api/reports/" + kind.path(),
                "from",
                from,
                "to",
                to,
                "shift",
                shift == null ? null : shift.name().toLowerCase(Locale.ROOT),
                "format",
                format);
        return calls.download(
                path,
                "xlsx".equals(format)
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "application/pdf");
    }
}
