package vn.bordergate.server.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures of the server JVM from its unified GC log ({@code -Xlog:gc:file=...}): the largest heap
 * in use before a collection (the peak), the largest left after one (the live set) and the committed size.
 */
record GcLog(long collections, long peakUsedMb, long maxAfterGcMb, long committedMb) {
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    static GcLog read(Path log) throws IOException {
        long n = 0;
        long peak = 0;
        long after = 0;
        long committed = 0;
        if (!Files.exists(log)) {
            return new GcLog(0, 0, 0, 0);
        }
        for (String line : Files.readAllLines(log)) {
            Matcher m = PAUSE.matcher(line);
            if (line.contains("Pause") && m.find()) {
                n++;
                peak = Math.max(peak, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return new GcLog(n, peak, after, committed);
    }

    String line() {
        return String.format(
                "server heap (GC log): peak in use %d MB, largest left after a pause (old garbage included) %d MB,"
                        + " committed %d MB, %d collections",
                peakUsedMb, maxAfterGcMb, committedMb, collections);
    }
}
