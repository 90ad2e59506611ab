package vn.bordergate.server.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's real live set at a moment of the run: {@code jcmd GC.class_histogram} collects fully
 * first, so its total is what is still reachable. The GC log alone overstates it (a young pause
 * leaves the old generation's garbage in place).
 */
final class LiveHeap {
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)");

    private LiveHeap() {}

    static String measure(long pid, String when) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            Matcher m = TOTAL.matcher(out);
            return m.find()
                    ? String.format(
                            "server live heap after a full GC %s: %d MB", when, Long.parseLong(m.group(1)) >> 20)
                    : "server live heap " + when + ": jcmd gave no total";
        } catch (IOException e) {
            return "server live heap " + when + ": jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "server live heap " + when + ": interrupted";
        }
    }
}
