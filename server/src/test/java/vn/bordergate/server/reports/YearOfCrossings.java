package vn.bordergate.server.reports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;

/**
 * Writes a year of crossings straight into the database with JDBC batches, for the report benchmark:
 * a realistic mix (directions, each agency's step times, holds, rejections, fees, plate reads, trucks
 * that must come back), seeded so every run writes the same data. About 1,370 trucks a day, busier by day.
 *
 * <p>It writes what the reports read. Left out: goods lines, weighings, the audit chain, and the PASS rows of
 * the decision history (step_confirmation holds only holds, lifted holds and rejections here), which no
 * report reads.
 */
final class YearOfCrossings {
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final long FIRST_ID = 10_000_000L;
    private static final String[] HOLD_REASONS = {
        "Lái xe sốt, đo lại sau 30 phút / driver fever, re-check",
        "Lấy mẫu phân tích sâu bệnh / samples sent to the lab",
        "Hộ chiếu cần xác minh / passport being verified",
        "Seal container không khớp / container seal mismatch"
    };
    private static final String[] REJECT_REASONS = {
        "Phát hiện sâu bệnh / pests found",
        "Giấy tờ xe không hợp lệ / invalid vehicle papers",
        "Sai mã HS / wrong HS code"
    };

    private final Random random = new Random(20250101);
    private long id = FIRST_ID;
    private int vehicles;
    private String[] plates;

    /** Writes {@code crossings} crossings spread over the year from {@link #FIRST_DAY}. */
    long write(Connection connection, int crossings) throws SQLException {
        return write(connection, crossings, 365);
    }

    /** Writes {@code crossings} crossings spread over {@code days} days from {@link #FIRST_DAY}. */
    long write(Connection connection, int crossings, int days) throws SQLException {
        try (BatchInserts out = new BatchInserts(connection)) {
            long[] enterprises = enterprises(out, 300);
            long[] drivers = drivers(out, 20_000);
            long[][] trucks = trucks(out, 20_000);
            Instant start = FIRST_DAY.atStartOfDay(ReportRange.ZONE).toInstant();
            double perCrossing = Duration.ofDays(days).toSeconds() / (double) crossings;
            for (int i = 0; i < crossings; i++) {
                Instant arrival = busyHours(start.plusSeconds((long) (i * perCrossing)));
                crossing(out, i, arrival, enterprises, drivers, trucks);
            }
            return out.rows();
        }
    }

    /** Moves night arrivals mostly into the day: the gate is busiest from 07:00 to 17:00. */
    private Instant busyHours(Instant t) {
        int hour = t.atZone(ReportRange.ZONE).getHour();
        if ((hour < 6 || hour >= 20) && random.nextDouble() < 0.7) {
            return t.plus(Duration.ofHours(hour < 6 ? 8 : -8));
        }
        return t;
    }

    private long[] enterprises(BatchInserts out, int n) throws SQLException {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = ++id;
            boolean cn = i % 3 == 0;
            out.insert(
                    "enterprise",
                    "id, tax_code, name, country, priority",
                    ids[i],
                    (cn ? "9145" : "4900") + String.format("%08d", i),
                    (cn ? "Guangxi Trading Co. " : "Công ty TNHH Xuất nhập khẩu ") + i,
                    cn ? "CN" : "VN",
                    i % 50 == 0);
        }
        return ids;
    }

    private long[] drivers(BatchInserts out, int n) throws SQLException {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = ++id;
            out.insert(
                    "driver",
                    "id, document_number, nationality, full_name",
                    ids[i],
                    "B" + (1_000_000 + i),
                    i % 3 == 0 ? "CN" : "VN",
                    "Driver " + i);
        }
        return ids;
    }

    /** Vietnamese and Chinese tractors: {id, 0 for VN / 1 for CN}; plates stored normalised. */
    private long[][] trucks(BatchInserts out, int n) throws SQLException {
        long[][] trucks = new long[n][2];
        plates = new String[n];
        for (int i = 0; i < n; i++) {
            boolean cn = i % 3 == 0;
            String display = cn
                    ? String.format("桂A%05d", vehicles++ % 100_000)
                    : String.format("%02dC-%03d.%02d", 12 + i % 80, i / 100 % 1000, i % 100);
            var plate = PlateParser.parse(display);
            trucks[i][0] = ++id;
            trucks[i][1] = cn ? 1 : 0;
            plates[i] = plate.normalized();
            out.insert(
                    "vehicle",
                    "id, plate, country, plate_kind, vehicle_type",
                    trucks[i][0],
                    plate.normalized(),
                    plate.country().name(),
                    plate.kind().name(),
                    "TRUCK");
        }
        return trucks;
    }

    private void crossing(BatchInserts out, int n, Instant arrival, long[] enterprises, long[] drivers, long[][] trucks)
            throws SQLException {
        long declarationId = ++id;
        long crossingId = ++id;
        int truckIndex = random.nextInt(trucks.length);
        long[] truck = trucks[truckIndex];
        boolean cn = truck[1] == 1;
        double d = random.nextDouble();
        Direction direction = d < 0.55
                ? Direction.EXPORT
                : d < 0.85
                        ? Direction.IMPORT
                        : d < 0.9
                                ? Direction.TEMPORARY_IMPORT_REEXPORT
                                : d < 0.95 ? Direction.TRANSIT : Direction.TRANSSHIPMENT;
        boolean quarantine = random.nextDouble() < 0.6;
        Instant submitted = arrival.minus(minutes(60, 24 * 60));
        Instant declared = submitted.plus(minutes(3, 60));
        out.insert(
                "declaration",
                "id, code, revision, enterprise_id, direction, tractor_id, vehicle_type, driver_id, expected_arrival,"
                        + " two_way_transport, med_symptoms, submitted_at, submitted_by",
                declarationId,
                "BG25-" + n,
                1,
                enterprises[random.nextInt(enterprises.length)],
                direction.name(),
                truck[0],
                "TRUCK",
                drivers[random.nextInt(drivers.length)],
                arrival,
                false,
                false,
                submitted,
                "enterprise");
        double fate = random.nextDouble();
        boolean declarationRejected = fate < 0.02;
        boolean turnedBack = fate >= 0.02 && fate < 0.04;
        Instant[] decided = new Instant[Step.values().length];
        String[] states = new String[Step.values().length];
        decided[0] = declared;
        states[0] = declarationRejected ? "REJECTED" : "PASSED";
        Instant vehicleControl = arrival.plus(minutes(3, 25));
        if (!declarationRejected) {
            decided[1] = arrival;
            states[1] = "PASSED";
            decided[2] = vehicleControl;
            states[2] = "PASSED";
        }
        Instant lastStep = vehicleControl;
        int rejectedAt = turnedBack ? 3 + random.nextInt(3) : -1;
        int heldAt = random.nextDouble() < 0.06 ? 3 + random.nextInt(5) : -1;
        for (int s = 3; s < Step.values().length && !declarationRejected; s++) {
            Step step = Step.values()[s];
            boolean applies = step != Step.PLANT_ANIMAL_QUARANTINE || quarantine;
            if (!applies) {
                states[s] = "SKIPPED";
                continue;
            }
            if (rejectedAt >= 0 && s > rejectedAt) {
                states[s] = "PENDING";
                continue;
            }
            Instant done = vehicleControl.plus(stepTime(step));
            if (s == heldAt) {
                Instant held = vehicleControl.plus(minutes(2, 15));
                Instant lifted = held.plus(minutes(30, 180));
                String reason = HOLD_REASONS[random.nextInt(HOLD_REASONS.length)];
                confirmation(out, crossingId, step, "HOLD", held, reason);
                confirmation(out, crossingId, step, "RELEASE_HOLD", lifted, null);
                done = lifted.plus(minutes(5, 30));
            }
            decided[s] = done;
            states[s] = s == rejectedAt ? "REJECTED" : "PASSED";
            if (s == rejectedAt) {
                confirmation(
                        out, crossingId, step, "REJECT", done, REJECT_REASONS[random.nextInt(REJECT_REASONS.length)]);
            }
            lastStep = lastStep.isAfter(done) ? lastStep : done;
        }
        if (declarationRejected) {
            confirmation(out, crossingId, Step.DECLARATION, "REJECT", declared, REJECT_REASONS[2]);
            for (int s = 1; s < states.length; s++) {
                states[s] = "PENDING";
            }
        }
        boolean released = !declarationRejected && !turnedBack;
        Instant releasedAt = released ? lastStep.plus(minutes(5, 25)) : null;
        boolean mustReturn = released
                && ((direction == Direction.EXPORT && !cn)
                        || ((direction == Direction.IMPORT || direction == Direction.TEMPORARY_IMPORT_REEXPORT) && cn));
        Instant deadline = mustReturn ? releasedAt.plus(Duration.ofHours(24)) : null;
        Instant returned = mustReturn && random.nextDouble() < 0.97 ? releasedAt.plus(minutes(4 * 60, 26 * 60)) : null;
        CrossingStatus status = declarationRejected
                ? CrossingStatus.DECLARATION_REJECTED
                : turnedBack ? CrossingStatus.TURNED_BACK : CrossingStatus.RELEASED;
        out.insert(
                "crossing",
                "id, declaration_id, status, tractor_plate, perishable, expected_arrival, priority, arrived_at,"
                        + " released_at, return_deadline, returned_at, yard_code, updated_at, version",
                crossingId,
                declarationId,
                status.name(),
                plates[truckIndex],
                quarantine && random.nextBoolean(),
                arrival,
                false,
                declarationRejected ? null : arrival,
                releasedAt,
                deadline,
                returned,
                "BAI-" + (1 + random.nextInt(3)),
                releasedAt == null ? lastStep : releasedAt,
                1L);
        for (int s = 0; s < states.length; s++) {
            out.insert(
                    "crossing_step",
                    "id, crossing_id, step, state, officer, decided_at",
                    ++id,
                    crossingId,
                    Step.values()[s].name(),
                    states[s],
                    decided[s] == null ? null : "officer" + s,
                    decided[s]);
        }
        if (released) {
            fee(out, crossingId, "INFRASTRUCTURE", 250_000 + 50_000 * random.nextInt(4), lastStep);
            if (random.nextDouble() < 0.3) {
                fee(out, crossingId, "WEIGHING", 50_000, lastStep);
            }
        }
        if (!declarationRejected) {
            plateRead(out, crossingId, arrival);
        }
    }

    private Duration stepTime(Step step) {
        int median =
                switch (step) {
                    case MEDICAL_QUARANTINE -> 8;
                    case BORDER_CONTROL -> 15;
                    case PLANT_ANIMAL_QUARANTINE -> 40;
                    case TRANSSHIPMENT -> 55;
                    default -> 10;
                };
        // log-normal around the median: most quick, a long tail
        double minutes = median * Math.exp(0.6 * random.nextGaussian());
        return Duration.ofSeconds((long) (minutes * 60));
    }

    private void confirmation(BatchInserts out, long crossingId, Step step, String action, Instant at, String reason)
            throws SQLException {
        out.insert(
                "step_confirmation",
                "id, crossing_id, step, agency, action, officer, decided_at, reason",
                ++id,
                crossingId,
                step.name(),
                step.agency().name(),
                action,
                "officer",
                at,
                reason);
    }

    private void fee(BatchInserts out, long crossingId, String kind, long amount, Instant at) throws SQLException {
        out.insert(
                "fee",
                "id, crossing_id, kind, amount_vnd, paid, receipt_number, paid_at, officer",
                ++id,
                crossingId,
                kind,
                BigDecimal.valueOf(amount),
                true,
                "R" + id,
                at,
                "fees");
    }

    private void plateRead(BatchInserts out, long crossingId, Instant at) throws SQLException {
        double r = random.nextDouble();
        String status = r < 0.88 ? "MATCHED" : r < 0.96 ? "CORRECTED" : "NEEDS_OFFICER";
        boolean corrected = "CORRECTED".equals(status);
        out.insert(
                "plate_read",
                "id, camera_code, lane_code, read_at, raw_text, confidence, crossing_id, match_status, corrected_by,"
                        + " corrected_at",
                ++id,
                "CAM-" + (1 + random.nextInt(4)),
                "LANE-" + (1 + random.nextInt(4)),
                at,
                "RAW",
                0.5 + random.nextDouble() / 2,
                "NEEDS_OFFICER".equals(status) ? null : crossingId,
                status,
                corrected ? List.of("gate", "gate2", "supervisor").get(random.nextInt(3)) : null,
                corrected ? at.plus(Duration.ofMinutes(2)) : null);
    }

    private Duration minutes(int from, int to) {
        return Duration.ofSeconds(60L * from + random.nextInt(60 * (to - from)));
    }
}
