package vn.bordergate.workstation.support;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Where the workstation's background threads and the FX thread are stuck, for a test's failure message. */
public final class BusyThreads {
    private BusyThreads() {}

    public static String describe() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("gate-io-")
                        || e.getKey().getName().startsWith("JavaFX Application"))
                .map(BusyThreads::line)
                .collect(Collectors.joining("\n", "threads:\n", ""));
    }

    private static String line(Map.Entry<Thread, StackTraceElement[]> e) {
        return e.getKey().getName() + " " + e.getKey().getState() + "\n"
                + Arrays.stream(e.getValue())
                        .limit(40)
                        .map(frame -> "    at " + frame)
                        .collect(Collectors.joining("\n"));
    }
}
