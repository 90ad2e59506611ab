package vn.bordergate.server.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.ReportKind;
import vn.bordergate.common.dto.ReportShift;
import vn.bordergate.server.documents.DocumentRenderer;
import vn.bordergate.server.documents.DocumentTemplates;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.persistence.Transactions;

/**
 * Every report over a year of crossings (500,000, {@link YearOfCrossings}) in a Derby database, for a shift,
 * a day, a month and the whole year: SQL, fill and PDF export timed together as the endpoint runs them
 * (median of three, after one warm-up fill per template), plus one XLSX export each. The dataset is written
 * once into the build directory and reused ({@code complete} marks it whole); delete it to write it again.
 * Not part of {@code mvn verify}: {@code mvn -B -Pbench -pl server -am verify -Dtest=ReportBenchmark}.
 */
@Tag("bench")
class ReportBenchmark {
    /** A year at the gate; {@code -Dreports.crossings=50000} writes a smaller one for quick iterations. */
    static final int CROSSINGS = Integer.getInteger("reports.crossings", 500_000);

    private static final String PAGE_CACHE = "derby.storage.pageCacheSize";

    private record Range(String name, ReportRange range) {}

    @Test
    void everyReportOverAYearOfCrossings() throws Exception {
        Path dir = buildDirectory().resolve(CROSSINGS == 500_000 ? "report-bench" : "report-bench-" + CROSSINGS);
        List<String> report = new ArrayList<>();
        try (GateDatabase database = dataset(dir, report)) {
            Transactions tx = new Transactions(database.sessionFactory());
            // what the server's scheduler does a day at a time, here at once: the dataset ends with 2025
            long r0 = System.nanoTime();
            int days = new ReportRollups(tx, Clock.fixed(Instant.parse("2026-01-03T00:00:00Z"), ZoneOffset.UTC))
                    .rollUpAll();
            if (days > 0) {
                double seconds = (System.nanoTime() - r0) / 1e9;
                String line = String.format(
                        "rolled up %d days in %.0f s (%.2f s per day); load %s", days, seconds, seconds / days, load());
                report.add(line);
                System.out.println(line);
            }
            Reports reports = new Reports(tx, new DocumentRenderer(new DocumentTemplates()), Clock.systemUTC());
            LocalDate day = LocalDate.of(2025, 6, 18);
            List<Range> ranges = List.of(
                    new Range("day shift", new ReportRange(day, day, ReportShift.DAY)),
                    new Range("day", new ReportRange(day, day, ReportShift.ALL)),
                    new Range("month", new ReportRange(day.withDayOfMonth(1), day.withDayOfMonth(30), ReportShift.ALL)),
                    new Range(
                            "year",
                            new ReportRange(
                                    YearOfCrossings.FIRST_DAY,
                                    YearOfCrossings.FIRST_DAY.plusDays(364),
                                    ReportShift.ALL)));
            for (ReportKind kind : ReportKind.values()) {
                reports.render(new ReportRequest(kind, ranges.get(0).range(), ReportFormat.PDF, null)); // compiles
            }
            report.add("");
            report.add("| report | range | PDF median of 3 (ms) | PDF max (ms) | XLSX (ms) | PDF kB |");
            report.add("|---|---|---|---|---|---|");
            for (ReportKind kind : ReportKind.values()) {
                for (Range range : ranges) {
                    long[] pdf = new long[3];
                    int bytes = 0;
                    for (int i = 0; i < pdf.length; i++) {
                        long t0 = System.nanoTime();
                        bytes = reports.render(new ReportRequest(kind, range.range(), ReportFormat.PDF, null)).length;
                        pdf[i] = (System.nanoTime() - t0) / 1_000_000;
                    }
                    long t0 = System.nanoTime();
                    reports.render(new ReportRequest(kind, range.range(), ReportFormat.XLSX, null));
                    long xlsx = (System.nanoTime() - t0) / 1_000_000;
                    Arrays.sort(pdf);
                    String line = String.format(
                            "| %s | %s | %d | %d | %d | %d |",
                            kind.path(), range.name(), pdf[1], pdf[2], xlsx, bytes / 1024);
                    report.add(line);
                    System.out.println(line);
                }
            }
        }
        report.add("");
        report.add("load after: " + load());
        report.forEach(System.out::println);
        Path out = buildDirectory().resolve("bench").resolve("reports.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private static GateDatabase dataset(Path dir, List<String> report) throws IOException {
        Path complete = dir.resolve("complete");
        report.add(String.format(
                "machine: %d cores, %s %s; load before: %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                load()));
        if (Files.exists(complete)) {
            report.add("dataset reused: " + Files.readString(complete).strip());
            return GateDatabase.openEmbedded(dir);
        }
        delete(dir);
        long t0 = System.nanoTime();
        long[] rows = new long[1];
        // writing only: a 256 MB page cache keeps the growing indexes in memory; the reports then run on
        // a freshly booted Derby with the server's own settings
        String cache = System.getProperty(PAGE_CACHE);
        System.setProperty(PAGE_CACHE, "65536");
        try (GateDatabase writing = GateDatabase.openEmbedded(dir);
                var session = writing.sessionFactory().openSession()) {
            session.doWork(connection -> rows[0] = new YearOfCrossings().write(connection, CROSSINGS));
        } finally {
            if (cache == null) {
                System.clearProperty(PAGE_CACHE);
            } else {
                System.setProperty(PAGE_CACHE, cache);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        GateDatabase database = GateDatabase.openEmbedded(dir);
        String made = String.format(
                "%d crossings, %d rows written in %.0f s (%.0f rows/s)",
                CROSSINGS, rows[0], seconds, rows[0] / seconds);
        Files.writeString(complete, made + "\n");
        report.add("dataset written: " + made);
        System.out.println("dataset written: " + made + "; load " + load());
        return database;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path buildDirectory() throws Exception {
        // .../<build folder>/test-classes: the dataset goes next to it, whatever -Dbuild.folder says
        return Path.of(ReportBenchmark.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getParent();
    }
}
