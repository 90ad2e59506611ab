package vn.bordergate.server.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.metrics.StageTimes;
import vn.bordergate.server.persistence.BatchWriter;
import vn.bordergate.server.persistence.DeclarationEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * Enterprises declare vehicle trips: one open trip per vehicle (tractor or trailer), goods of one
 * enterprise per vehicle. A declaration opens its crossing; a rejected one can be corrected and
 * resubmitted. New declarations are checked on the request thread ({@link DeclarationCheck}) and written in
 * batches ({@link DeclarationSubmissions}); corrections and cancellations are {@link DeclarationAmendments}.
 */
public final class DeclarationService {
    private final Transactions tx;
    private final DeclarationRecords records;
    private final DeclarationCheck check;
    private final DeclarationSubmissions submissions;
    private final DeclarationAmendments amendments;

    public DeclarationService(
            Transactions tx,
            DeclarationRecords records,
            DeclarationCheck check,
            DeclarationSubmissions submissions,
            DeclarationAmendments amendments) {
        this.tx = tx;
        this.records = records;
        this.check = check;
        this.submissions = submissions;
        this.amendments = amendments;
    }

    public DeclarationDto submit(Actor actor, DeclarationRequest request, String idempotencyKey) {
        // written together with the submissions of other requests: one commit for all of them
        return submissions.write(check.submission(actor, request, idempotencyKey));
    }

    /**
     * As {@link #submit}, answered later: the future completes after the declaration's commit with what {@code submit}
     * returns or throws (a repeated Idempotency-Key's first answer included), completed on the writer that committed
     * it, so whatever is chained to it must not wait. Refusals before the submission is queued (a bad request, a full
     * queue) are thrown here, as {@code submit} throws them.
     */
    public CompletableFuture<DeclarationDto> submitLater(
            Actor actor, DeclarationRequest request, String idempotencyKey) {
        long start = System.nanoTime();
        try {
            return submissions.submit(check.submission(actor, request, idempotencyKey));
        } finally {
            submissions.stages().checked.record(System.nanoTime() - start);
        }
    }

    public DeclarationDto resubmit(Actor actor, long id, DeclarationRequest request) {
        return amendments.resubmit(actor, id, request);
    }

    public DeclarationDto cancel(Actor actor, long id) {
        return amendments.cancel(actor, id);
    }

    public DeclarationDto get(Actor actor, long id) {
        return tx.read(session -> {
            DeclarationEntity d = records.visibleDeclaration(session, actor, id);
            return DtoMapping.declaration(d, records.goodsOf(session, d), records.crossingOf(session, d));
        });
    }

    public List<DeclarationDto> list(Actor actor, CrossingStatus status, int limit) {
        return tx.read(session -> records.list(session, actor, status, limit));
    }

    /** The writer of submitted declarations (tests watch its queue). */
    BatchWriter<Submission, DeclarationDto> batches() {
        return submissions.writer();
    }

    /** Where new declarations spend their time in the server, stage by stage (metrics). */
    public List<StageTimes> stages() {
        return submissions.stages().all();
    }

    /** How many batches failed as a whole and were written one declaration at a time (a metric). */
    public long batchesReplayed() {
        return submissions.replayed();
    }

    /**
     * Refuses new submissions (503) and waits up to {@code waitMillis} for those being written: called at
     * shutdown, before the database closes.
     */
    public boolean close(long waitMillis) {
        return submissions.close(waitMillis);
    }
}
