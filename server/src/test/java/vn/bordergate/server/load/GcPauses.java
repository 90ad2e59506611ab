package vn.bordergate.server.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses in a unified GC log ({@code -Xlog:gc:file=...}): how many, their total and the longest.
 * A pause stops the sockets' writes or reads, so each one shows up whole in the fan-out latency of what was in flight.
 */
record GcPauses(long count, double totalMillis, double longestMillis) {
    private static final Pattern PAUSE = Pattern.compile("Pause.* (\\d+(?:\\.\\d+)?)ms$");

    static GcPauses read(Path log) throws IOException {
        long count = 0;
        double total = 0;
        double longest = 0;
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = PAUSE.matcher(line.trim());
                if (m.find()) {
                    double millis = Double.parseDouble(m.group(1));
                    count++;
                    total += millis;
                    longest = Math.max(longest, millis);
                }
            }
        }
        return new GcPauses(count, total, longest);
    }

    String line(String jvm) {
        return String.format(
                "GC pauses of the %s over the whole run: %d, %.0f ms in all, longest %.1f ms",
                jvm, count, totalMillis, longestMillis);
    }
}
