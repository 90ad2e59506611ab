package vn.bordergate.server.service;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The plate index's last answer for each recent read text: a gate sees most trucks' plates several times (each frame
 * a lane camera sends while the truck rolls up, the entry and the exit lane), and the same text searched again over an
 * index nobody changed gives the same crossings. {@link ExpectedPlates} keeps an answer with the count of its changes
 * read before the search, and takes it again only for the same search (text, {@code want}, limit) while that count is
 * unchanged and the window holds the same entries (see {@link ExpectedPlates#closest}). The search was ~40 % of the
 * plate-read writers' samples (JFR, docs/benchmarks.md "readcpu5").
 *
 * <p>Only the index's answer is kept: which crossings are still expected, and their plates, are checked for every read
 * as before ({@link SeenCrossings}), so a cancelled or rejected crossing is not matched from a kept answer.
 *
 * <p>One answer per slot, chosen by the text's hash: a read of another text in the same slot replaces it (no list to
 * trim, no lock; a slot is one reference, written whole). The slots bound the memory: answers of more than {@link
 * #MOST_CROSSINGS} crossings (a text close to a whole series, in the last round of the matcher) are not kept.
 */
final class RepeatedReads {
    /** Slots (a power of two): a few seconds of reads at the load targets, far more than a gate's queue of trucks. */
    private static final int SLOTS = 1 << 13;

    static final int MOST_CROSSINGS = 64;

    /** One search and its answer: the read, its window, and the count of the index's changes read before it. */
    record Answer(
            String read, int want, double limit, long changes, Instant from, Instant to, PlateIndex.Closest closest) {
        boolean answers(String read, int want, double limit, long changes) {
            return this.changes == changes && this.want == want && this.limit == limit && this.read.equals(read);
        }
    }

    private final AtomicReferenceArray<Answer> slots = new AtomicReferenceArray<>(SLOTS);

    /** The answer kept for this search while the index had made {@code changes} changes, or null. */
    Answer kept(String read, int want, double limit, long changes) {
        Answer answer = slots.get(slot(read, want));
        return answer != null && answer.answers(read, want, limit, changes) ? answer : null;
    }

    void keep(Answer answer) {
        if (answer.closest().distances().size() <= MOST_CROSSINGS) {
            slots.set(slot(answer.read(), answer.want()), answer);
        }
    }

    private static int slot(String read, int want) {
        int h = read.hashCode() * 31 + want;
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
