package vn.bordergate.server.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.bordergate.common.workflow.Step;

/**
 * The report figures that add up over time, kept per local date and hour (a roll-up row stands for its
 * hour or for the shift block starting at that hour): summing the cells of a range gives the same numbers
 * as one query over the range, so whole days can come from roll-ups and the rest from the raw rows.
 */
final class Figures {
    /** Which figures a report needs: only those are read. */
    enum Part {
        THROUGHPUT,
        DECISIONS,
        FEES,
        DWELL,
        STEP_TIMES
    }

    static final Set<Part> ALL = EnumSet.allOf(Part.class);

    /** A hold or rejection as the history records it. */
    record Decision(Step step, String action, String reason) {}

    private final TreeMap<LocalDate, Cell[]> days = new TreeMap<>();

    Cell cell(LocalDate date, int hour) {
        Cell[] hours = days.computeIfAbsent(date, d -> new Cell[24]);
        if (hours[hour] == null) {
            hours[hour] = new Cell();
        }
        return hours[hour];
    }

    /** Every cell added together. */
    Cell total() {
        Cell total = new Cell();
        days.values().forEach(hours -> addAll(total, hours));
        return total;
    }

    /** Per local date. */
    Map<LocalDate, Cell> daily() {
        Map<LocalDate, Cell> daily = new TreeMap<>();
        days.forEach((date, hours) -> addAll(daily.computeIfAbsent(date, d -> new Cell()), hours));
        return daily;
    }

    /** Per hour of the day (only throughput is kept per hour; the rest per block of hours). */
    Cell[] hourly() {
        Cell[] hourly = new Cell[24];
        for (int h = 0; h < 24; h++) {
            hourly[h] = new Cell();
        }
        days.values().forEach(hours -> {
            for (int h = 0; h < 24; h++) {
                if (hours[h] != null) {
                    hourly[h].add(hours[h]);
                }
            }
        });
        return hourly;
    }

    /** Per date, the cells folded into the shift blocks of the day (hours 0, 6 and 18). */
    Map<LocalDate, Cell[]> blocks() {
        Map<LocalDate, Cell[]> blocks = new TreeMap<>();
        days.forEach((date, hours) -> {
            Cell[] b = blocks.computeIfAbsent(date, d -> new Cell[24]);
            for (int h = 0; h < 24; h++) {
                if (hours[h] != null) {
                    int start = block(h);
                    if (b[start] == null) {
                        b[start] = new Cell();
                    }
                    b[start].add(hours[h]);
                }
            }
        });
        return blocks;
    }

    Map<LocalDate, Cell[]> hours() {
        return days;
    }

    /** The shift block an hour falls in, by its first hour: night 0–6, day 6–18, evening 18–24. */
    static int block(int hour) {
        return hour < 6 ? 0 : hour < 18 ? 6 : 18;
    }

    /** The instant the shift block of a local time starts. */
    static Instant blockStart(LocalDateTime t) {
        return t.toLocalDate()
                .atTime(block(t.getHour()), 0)
                .atZone(ReportRange.ZONE)
                .toInstant();
    }

    private static void addAll(Cell into, Cell[] hours) {
        for (Cell c : hours) {
            if (c != null) {
                into.add(c);
            }
        }
    }

    /** One hour's (or block's) figures. */
    static final class Cell {
        long arrived;
        long released;
        /** Rejections after the declaration, as decisions (throughput) ... */
        long turnedBack;
        /** ... and as vehicles (shift handover). */
        long turnedBackVehicles;

        final long[] passed = new long[Step.values().length];
        final Map<Decision, Long> decisions = new HashMap<>();
        final Map<String, Long> feeReceipts = new TreeMap<>();
        final Map<String, BigDecimal> feeAmounts = new TreeMap<>();
        final MinuteHistogram dwell = new MinuteHistogram();
        final Map<Step, MinuteHistogram> stepTimes = new EnumMap<>(Step.class);

        MinuteHistogram stepTime(Step step) {
            return stepTimes.computeIfAbsent(step, s -> new MinuteHistogram());
        }

        void fee(String kind, long receipts, BigDecimal amount) {
            feeReceipts.merge(kind, receipts, Long::sum);
            feeAmounts.merge(kind, amount, BigDecimal::add);
        }

        /** Holds ({@code [0]}) and rejections ({@code [1]}) per step. */
        Map<Step, long[]> holdsAndRejects() {
            Map<Step, long[]> byStep = new EnumMap<>(Step.class);
            for (Step step : Step.values()) {
                byStep.put(step, new long[2]);
            }
            decisions.forEach((d, n) -> byStep.get(d.step())["HOLD".equals(d.action()) ? 0 : 1] += n);
            return byStep;
        }

        long declarationsRejected() {
            return decisions.entrySet().stream()
                    .filter(e -> e.getKey().step() == Step.DECLARATION
                            && "REJECT".equals(e.getKey().action()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        void add(Cell other) {
            arrived += other.arrived;
            released += other.released;
            turnedBack += other.turnedBack;
            turnedBackVehicles += other.turnedBackVehicles;
            for (int i = 0; i < passed.length; i++) {
                passed[i] += other.passed[i];
            }
            other.decisions.forEach((d, n) -> decisions.merge(d, n, Long::sum));
            other.feeReceipts.forEach((kind, n) -> fee(kind, n, other.feeAmounts.get(kind)));
            dwell.addAll(other.dwell);
            other.stepTimes.forEach((step, h) -> stepTime(step).addAll(h));
        }
    }
}
