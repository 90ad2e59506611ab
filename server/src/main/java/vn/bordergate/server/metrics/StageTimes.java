package vn.bordergate.server.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long one stage of the declarations' way through the server took, counted in buckets that double from 64 µs to
 * about 2 s (the last one open): enough to tell which stage a slow (p99) declaration spent its time in, at the cost of
 * one array increment per timing. The buckets are exposed cumulatively ({@link GateMetrics#stages}), so the
 * difference of two scrapes is the spread of what happened between them.
 */
public final class StageTimes {
    /** Bucket {@code b} counts values up to {@code 64 µs × 2^b}; the last counts everything above as well. */
    static final int BUCKETS = 16;

    private static final int FIRST_SHIFT = 6; // 64 µs

    private final String stage;
    private final String unit;
    private final int shift;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    private StageTimes(String stage, String unit) {
        this.stage = stage;
        this.unit = unit;
        this.shift = unit.equals("us") ? FIRST_SHIFT : 0;
    }

    /** A stage timed in nanoseconds (counted by microseconds). */
    public static StageTimes timed(String stage) {
        return new StageTimes(stage, "us");
    }

    /** A stage that counts things (a batch's size) in the same doubling buckets, from 1 up to {@code 2^15}. */
    public static StageTimes counted(String stage) {
        return new StageTimes(stage, "items");
    }

    /** Counts one value: nanoseconds for a timed stage, a number of items for a counted one. */
    public void record(long value) {
        long scaled = ((unit.equals("us") ? value / 1_000 : value) - 1) >> shift;
        int bucket = scaled <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(scaled);
        counts.incrementAndGet(Math.min(bucket, BUCKETS - 1));
    }

    public String stage() {
        return stage;
    }

    /** {@code us} (timed) or {@code items} (counted). */
    public String unit() {
        return unit;
    }

    /** The largest value bucket {@code b} counts (in {@link #unit}); the last bucket counts any larger one too. */
    public long upTo(int bucket) {
        return 1L << (shift + bucket);
    }

    /** Every value counted. */
    public long count() {
        return countUpTo(BUCKETS - 1);
    }

    /** Values counted in buckets {@code 0 … bucket}. */
    public long countUpTo(int bucket) {
        long sum = 0;
        for (int b = 0; b <= bucket; b++) {
            sum += counts.get(b);
        }
        return sum;
    }
}
