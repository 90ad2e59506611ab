package vn.bordergate.server.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.server.persistence.BatchWriter;
import vn.bordergate.server.persistence.Transactions;

/**
 * The queue of checked declaration submissions and its writers: submissions of many requests are written
 * together ({@link DeclarationBatch}), one commit for all of them; a caller waits a bounded time for room and
 * for its answer, and is told 503 otherwise.
 */
public final class DeclarationSubmissions {
    private final DeclarationBatch batch;
    private final BatchWriter<Submission, DeclarationDto> writer;
    private final DeclarationStages stages = new DeclarationStages();

    public DeclarationSubmissions(
            Transactions tx,
            UniqueKeyRaceRetry keyRaceRetry,
            DeclarationOpening opening,
            IdempotentWrites idempotent,
            DeclarationAnnouncements announcements) {
        this.batch = new DeclarationBatch(tx, keyRaceRetry, opening, idempotent, announcements, stages);
        this.writer = new BatchWriter<>(
                "declaration-writer",
                // two writers: while one batch waits for its commit's log flush the next is checked and
                // inserted; more would add lock waits between batches (same new vehicles, drivers, keys).
                // Not tuned: 1 or 4 were not measured
                2,
                // room for a burst (about 4 s at the 160-260 declarations/s measured); beyond it callers wait
                1024,
                // a batch's selects bind its plates and keys as IN lists (see InListParameters): 64
                // declarations keep them and the persistence context small
                64,
                // how long a caller waits for room in a full queue before it is told 503 (certainly not written)
                5_000,
                // how long a caller waits for its answer: shorter than Derby's 60 s lock wait, so a stuck batch
                // frees request threads first (the caller is told the outcome is unknown, not refused)
                30_000,
                () -> GateException.unavailable(
                        "the gate server is too busy to record declarations now: send it again", Duration.ofSeconds(2)),
                () -> GateException.unavailable(
                        "the gate server did not finish recording this declaration in time: it may have been"
                                + " recorded; send it again with the same Idempotency-Key to get its outcome",
                        Duration.ofSeconds(2)),
                batch);
        writer.timedBy(stages.batches);
    }

    /** Where declarations spend their time, stage by stage (metrics). */
    DeclarationStages stages() {
        return stages;
    }

    /** Writes a checked submission with those of other requests; returns its answer after the commit. */
    DeclarationDto write(Submission submission) {
        return writer.write(submission);
    }

    /**
     * As {@link #write}, without waiting: the future is completed by the writer after the commit, or after the same
     * bound with the same 503 ({@link BatchWriter#submit}).
     */
    CompletableFuture<DeclarationDto> submit(Submission submission) {
        return writer.submit(submission);
    }

    /** The writer itself (tests watch its queue). */
    BatchWriter<Submission, DeclarationDto> writer() {
        return writer;
    }

    /** How many batches failed as a whole and were written one declaration at a time. */
    long replayed() {
        return batch.replayed();
    }

    /** Refuses new submissions (503) and waits up to {@code waitMillis} for those being written. */
    boolean close(long waitMillis) {
        return writer.close(waitMillis);
    }
}
