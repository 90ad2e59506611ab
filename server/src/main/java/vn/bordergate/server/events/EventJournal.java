package vn.bordergate.server.events;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The most recent envelopes, each already encoded (UTF-8 JSON) once for every subscriber, by sequence
 * number. A subscriber whose previous frame is still being written asks for everything after it as one
 * frame: a JSON array built by joining the encoded envelopes, never by serialising again. Subscribers that
 * fell behind at the same moment ask for the same range, so the joined frame is kept for them too.
 *
 * <p>One writer (the dispatcher) appends; any thread reads. Only the last {@link #CAPACITY} envelopes are
 * kept: a subscriber that far behind has long been dropped as too slow.
 */
public final class EventJournal {
    public static final int CAPACITY = 4096;
    /** A joined frame stops growing past this many bytes (the rest goes in the next frame). */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private static final int MASK = CAPACITY - 1;
    private static final int CACHED_FRAMES = 64;

    /** One WebSocket text frame: envelopes {@code from..to} encoded as UTF-8. */
    public record Frame(long from, long to, byte[] bytes) {}

    private final byte[][] payloads = new byte[CAPACITY][];
    private final long[] seqs = new long[CAPACITY];
    /** Bytes appended up to and including each envelope, so a backlog's size is one subtraction. */
    private final long[] endBytes = new long[CAPACITY];

    private final AtomicReferenceArray<Frame> joined = new AtomicReferenceArray<>(CACHED_FRAMES);
    private long totalBytes;
    private volatile long latest;

    /** The sequence number of the last envelope appended, 0 before any. */
    public long latest() {
        return latest;
    }

    /** Appends envelope {@code seq} (one more than the last one). Only the dispatcher calls this. */
    void append(long seq, byte[] payload) {
        int slot = (int) (seq & MASK);
        payloads[slot] = payload;
        seqs[slot] = seq;
        totalBytes += payload.length;
        endBytes[slot] = totalBytes;
        latest = seq; // publishes the slot to readers
    }

    /**
     * The bytes of envelopes {@code after + 1 .. to}; {@link Long#MAX_VALUE} when some of them are no longer
     * kept.
     */
    public long bytesBetween(long after, long to) {
        if (to <= after) {
            return 0;
        }
        long end = endAt(to);
        long start = after <= 0 ? 0 : endAt(after);
        return end < 0 || start < 0 ? Long.MAX_VALUE : end - start;
    }

    private long endAt(long seq) {
        int slot = (int) (seq & MASK);
        long end = endBytes[slot];
        return seqs[slot] == seq ? end : -1;
    }

    /**
     * Envelopes from {@code from} up to at most {@code to} as one frame: the envelope itself when there is
     * one, else a JSON array of them (cut at {@link #MAX_FRAME_BYTES}, at least one envelope). Null when
     * {@code from} is no longer kept.
     */
    public Frame frame(long from, long to) {
        byte[] first = payload(from);
        if (first == null) {
            return null;
        }
        long last = from;
        long size = first.length;
        while (last < to) {
            byte[] next = payload(last + 1);
            if (next == null || size + next.length + 1 > MAX_FRAME_BYTES) {
                break;
            }
            size += next.length + 1;
            last++;
        }
        if (last == from) {
            return new Frame(from, from, first);
        }
        int cacheSlot = (int) ((from * 31 + last) & (CACHED_FRAMES - 1));
        Frame cached = joined.get(cacheSlot);
        if (cached != null && cached.from() == from && cached.to() == last) {
            return cached;
        }
        Frame built = join(from, last, (int) size + 2);
        if (built != null) {
            joined.set(cacheSlot, built);
        }
        return built;
    }

    private Frame join(long from, long to, int size) {
        byte[] out = new byte[size];
        out[0] = '[';
        int at = 1;
        for (long seq = from; seq <= to; seq++) {
            byte[] payload = payload(seq);
            if (payload == null) {
                return null;
            }
            if (seq > from) {
                out[at++] = ',';
            }
            System.arraycopy(payload, 0, out, at, payload.length);
            at += payload.length;
        }
        out[at] = ']';
        // the writer may have reused a slot while we copied: then some bytes are another envelope's
        return seqs[(int) (from & MASK)] == from ? new Frame(from, to, out) : null;
    }

    private byte[] payload(long seq) {
        if (seq <= 0 || seq > latest) {
            return null;
        }
        int slot = (int) (seq & MASK);
        byte[] payload = payloads[slot];
        return seqs[slot] == seq ? payload : null;
    }
}
