package vn.bordergate.server.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bordergate.server.reports.KnownShift.DAY;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.common.dto.ReportShift;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Step;

/**
 * Each report, filled from a known shift on a real server and database, exported as PDF and XLSX through
 * the API as the supervisor, and read back: the numbers in the PDF text and the XLSX cells are the ones
 * the shift's story ({@link KnownShift}) makes.
 */
class ReportExportTest {
    private static KnownShift shift;

    @BeforeAll
    static void play() throws InterruptedException {
        shift = KnownShift.play();
    }

    @AfterAll
    static void close() {
        if (shift != null) {
            shift.gate.close();
        }
    }

    private static ExportedReport export(ReportKind kind, ReportShift hours) {
        return export(kind, hours, DAY);
    }

    private static ExportedReport export(ReportKind kind, ReportShift hours, java.time.LocalDate day) {
        // the first fill of a template compiles it: on a loaded 2-core machine that can take more than 10 s
        var supervisor = new GateClient(shift.gate.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(90))
                .withToken(shift.gate.as("supervisor").token());
        return new ExportedReport(
                supervisor.supervision().report(kind, day, day, hours, "pdf"),
                supervisor.supervision().report(kind, day, day, hours, "xlsx"));
    }

    @Test
    void shiftHandoverCountsTheDayShift() {
        ExportedReport report = export(ReportKind.SHIFT_HANDOVER, ReportShift.DAY);
        String inOut = ShiftHandoverReport.IN_OUT;
        report.has(inOut, "Xe đến / Arrived", "4")
                .has(inOut, "Xe đã qua biên giới / Released", "2")
                .has(inOut, "Xe bị từ chối, quay đầu / Turned back", "1")
                .has(inOut, "Khai báo bị từ chối / Declarations rejected", "1");

        String steps = ShiftHandoverReport.STEPS;
        Map<Step, String[]> expected = Map.of(
                Step.DECLARATION, new String[] {"4", "0", "1"},
                Step.TRANSPORT, new String[] {"4", "0", "0"},
                Step.VEHICLE_CONTROL, new String[] {"4", "0", "0"},
                Step.MEDICAL_QUARANTINE, new String[] {"2", "1", "0"},
                Step.BORDER_CONTROL, new String[] {"2", "0", "1"},
                Step.PLANT_ANIMAL_QUARANTINE, new String[] {"2", "1", "0"},
                Step.TRANSSHIPMENT, new String[] {"2", "0", "0"},
                Step.FEE_COLLECTION, new String[] {"2", "0", "0"});
        expected.forEach(
                (step, n) -> report.has(steps, Labels.step(step), Labels.agency(step.agency()), n[0], n[1], n[2]));
        report.has(steps, ShiftHandoverReport.TOTAL, "22", "2", "2");

        String reasons = ShiftHandoverReport.REASONS;
        assertThat(report.xlsxRow(reasons, Labels.step(Step.MEDICAL_QUARANTINE), null))
                .as("%s%n%s", report.xlsxRows, report.pdfText)
                .containsExactly(Labels.step(Step.MEDICAL_QUARANTINE), "Giữ / Hold", KnownShift.HOLD_B, "1");
        assertThat(report.xlsxRow(reasons, Labels.step(Step.BORDER_CONTROL), null))
                .containsExactly(Labels.step(Step.BORDER_CONTROL), "Từ chối / Reject", KnownShift.REJECT_C, "1");
        assertThat(report.xlsxRow(reasons, Labels.step(Step.DECLARATION), null))
                .containsExactly(Labels.step(Step.DECLARATION), "Từ chối / Reject", KnownShift.REJECT_D, "1");
        assertThat(report.xlsxRow(reasons, Labels.step(Step.PLANT_ANIMAL_QUARANTINE), null))
                .containsExactly(Labels.step(Step.PLANT_ANIMAL_QUARANTINE), "Giữ / Hold", KnownShift.HOLD_F, "1");

        assertThat(report.xlsxRow(ShiftHandoverReport.OPEN_HOLDS, shift.plateF, null))
                .containsExactly(
                        shift.plateF, Labels.step(Step.PLANT_ANIMAL_QUARANTINE), "10/03 11:00", KnownShift.HOLD_F);
        assertThat(report.pdfText).contains(shift.plateF, "10/03 11:00");

        String fees = ShiftHandoverReport.FEES;
        report.has(fees, "Phí hạ tầng / Infrastructure", "2", "500.000")
                .has(fees, "Cân xe / Weighing", "1", "50.000")
                .has(fees, ShiftHandoverReport.TOTAL, "3", "550.000");
        report.has(ShiftHandoverReport.OVERSTAYS, ShiftHandoverReport.TOTAL, "0");

        String plates = ShiftHandoverReport.PLATES;
        report.has(plates, "Lượt đọc biển số / Plate reads", "3")
                .has(plates, "Tự động khớp / Matched automatically", "1")
                .has(plates, "Chờ cán bộ / Waiting for an officer", "1")
                .has(plates, "Cán bộ sửa / Corrected by officers", "1")
                .has(plates, "Tỷ lệ tự động khớp / Auto-match rate", "33,3 %")
                .has(plates, "Sửa bởi / Corrections by gate", "1");
    }

    @Test
    void theNightShiftBeforeHadNothing() {
        ExportedReport report = export(ReportKind.SHIFT_HANDOVER, ReportShift.NIGHT, DAY.minusDays(1));
        report.has(ShiftHandoverReport.IN_OUT, "Xe đến / Arrived", "0")
                .has(ShiftHandoverReport.FEES, ShiftHandoverReport.TOTAL, "0", "0")
                .has(ShiftHandoverReport.PLATES, "Tỷ lệ tự động khớp / Auto-match rate", "—");
    }

    @Test
    void theNextDayHandsOverTheTruckThatDidNotComeBack() {
        ExportedReport report = export(ReportKind.SHIFT_HANDOVER, ReportShift.DAY, DAY.plusDays(1));
        report.has(
                        ShiftHandoverReport.OVERSTAYS,
                        shift.plateA,
                        shift.enterpriseName,
                        "11/03 09:00",
                        "chưa về / not yet")
                .has(ShiftHandoverReport.OVERSTAYS, ShiftHandoverReport.TOTAL, "1");
        // B came back at 10:00, within its 24 h: not listed
        assertThat(report.xlsxRows).noneMatch(row -> row.contains("11/03 10:30"));
        // the hold on F is still open, so it is handed over again
        assertThat(report.xlsxRow(ShiftHandoverReport.OPEN_HOLDS, shift.plateF, null))
                .contains("10/03 11:00");
    }

    @Test
    void throughputPerDayAndPerHour() {
        ExportedReport report = export(ReportKind.THROUGHPUT, ReportShift.ALL);
        report.has(ThroughputReport.DAILY, "10/03/2026", "4", "2", "1")
                .has(ThroughputReport.DAILY, ThroughputReport.TOTAL, "4", "2", "1")
                .has(ThroughputReport.HOURLY, "06:00", "0", "0", "0")
                .has(ThroughputReport.HOURLY, "07:00", "3", "0", "0")
                .has(ThroughputReport.HOURLY, "08:00", "0", "0", "1")
                .has(ThroughputReport.HOURLY, "09:00", "0", "1", "0")
                .has(ThroughputReport.HOURLY, "10:00", "1", "1", "0")
                .has(ThroughputReport.HOURLY, "23:00", "0", "0", "0");
        assertThat(report.pdfText).contains("Biểu đồ theo giờ / Hourly chart");
    }

    @Test
    void dwellTimeFromArrivalToRelease() {
        ExportedReport report = export(ReportKind.DWELL_TIME, ReportShift.ALL);
        // A: 07:40 to 09:00 = 80 min; B: 07:40 to 10:30 = 170 min
        String summary = DwellTimeReport.SUMMARY;
        report.has(summary, "Số xe / Vehicles", "2")
                .has(summary, "Trung bình / Mean", "125")
                .has(summary, "Trung vị / Median (p50)", "80")
                .has(summary, "p90", "170")
                .has(summary, "Lâu nhất / Longest", "170");
        report.has(DwellTimeReport.DISTRIBUTION, "< 30 phút / min", "0", "0,0 %")
                .has(DwellTimeReport.DISTRIBUTION, "1–2 giờ / h", "1", "50,0 %")
                .has(DwellTimeReport.DISTRIBUTION, "2–4 giờ / h", "1", "50,0 %");
        String steps = DwellTimeReport.STEPS;
        report.has(steps, Labels.step(Step.DECLARATION), "4", "10", "10", "10", "10")
                // A, B, C 60 min from acceptance to arrival; F 255 min (06:40 to 10:55)
                .has(steps, Labels.step(Step.TRANSPORT), "4", "109", "60", "255", "255")
                .has(steps, Labels.step(Step.VEHICLE_CONTROL), "4", "10", "0", "20", "20")
                // A 50 min after its vehicle control, B 120 min (its hold included)
                .has(steps, Labels.step(Step.MEDICAL_QUARANTINE), "2", "85", "50", "120", "120")
                .has(steps, Labels.step(Step.FEE_COLLECTION), "2", "85", "50", "120", "120");
    }

    @Test
    void agencyPerformanceMedianAndP90PerStep() {
        ExportedReport report = export(ReportKind.AGENCY_PERFORMANCE, ReportShift.DAY);
        String section = AgencyPerformanceReport.AGENCIES;
        report.has(section, Labels.agency(Agency.CUSTOMS), Labels.step(Step.DECLARATION), "4", "10", "10", "0 / 1")
                .has(section, Labels.agency(Agency.CUSTOMS), Labels.step(Step.TRANSSHIPMENT), "2", "50", "120", "0 / 0")
                .has(
                        section,
                        Labels.agency(Agency.GATE_MANAGEMENT),
                        Labels.step(Step.TRANSPORT),
                        "4",
                        "60",
                        "255",
                        "0 / 0")
                .has(
                        section,
                        Labels.agency(Agency.MEDICAL_QUARANTINE),
                        Labels.step(Step.MEDICAL_QUARANTINE),
                        "2",
                        "50",
                        "120",
                        "1 / 0")
                .has(
                        section,
                        Labels.agency(Agency.BORDER_GUARD),
                        Labels.step(Step.BORDER_CONTROL),
                        "2",
                        "50",
                        "120",
                        "0 / 1");
    }

    @Test
    void enterpriseActivityPerEnterprise() {
        ExportedReport report = export(ReportKind.ENTERPRISE_ACTIVITY, ReportShift.ALL);
        String section = EnterpriseActivityReport.ENTERPRISES;
        report.has(section, shift.enterpriseName, shift.taxCode, "4", "4", "2", "1")
                .xlsxHas(section, shift.enterprise2Name, shift.taxCode2, "1", "1", "0", "1")
                // its Chinese name has characters the document font subset leaves out: the figures, then
                .pdfHas(section, shift.taxCode2, "1", "1", "0", "1")
                .has(section, EnterpriseActivityReport.TOTAL, "5", "5", "2", "2");
    }
}
