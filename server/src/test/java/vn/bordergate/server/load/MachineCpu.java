package vn.bordergate.server.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU counters from {@code /proc/stat}: a write phase's server, client and the idle rest, so that
 * a rate can be read as "the two cores were full" or not. Linux only; elsewhere every reading is zero.
 */
record MachineCpu(long busyTicks, long idleTicks) {

    static MachineCpu now() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            return new MachineCpu(busy, idle);
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0);
        }
    }

    /** The share of the machine's CPU time left idle since {@code before}, in per cent; -1 when unknown. */
    double idlePercentSince(MachineCpu before) {
        long idle = idleTicks - before.idleTicks;
        long all = idle + busyTicks - before.busyTicks;
        return all <= 0 ? -1 : 100.0 * idle / all;
    }
}
