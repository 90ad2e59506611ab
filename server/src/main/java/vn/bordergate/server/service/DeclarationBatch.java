package vn.bordergate.server.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.server.persistence.BatchWriter;
import vn.bordergate.server.persistence.EnterpriseEntity;
import vn.bordergate.server.persistence.GroupCommit;
import vn.bordergate.server.persistence.IdempotencyRecordEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.persistence.WriteBatch;
import vn.bordergate.server.persistence.WriteOutcome;
import vn.bordergate.server.service.DeclarationOpening.Opened;

/**
 * Declarations of many requests in one transaction (one commit, one log flush). Stored Idempotency-Keys,
 * open trips, vehicles and drivers are read once for the whole batch; then each submission is checked, in
 * order, against those and against the submissions before it in the batch, so each is answered as if the
 * ones before it had been committed in earlier requests: a second declaration of a vehicle gets the same
 * 409, a repeated key the same first answer. A submission refused by these checks has written nothing and
 * is answered alone; if the shared transaction fails anyway (a unique key raced by a write outside this
 * batch, say), every submission of it is written again alone, each in its own transaction (logged, and
 * counted in {@link #replayed}). A repeated answer is not announced again: its crossing was announced when
 * written and may since have moved on. After the commit the plate matcher is told (in memory) before the callers
 * are answered, so a read sent after the answer finds the crossing; the workstations are told in the batch's
 * order once every caller was answered ({@link BatchWriter}), as publishing may wait for the event hub.
 */
final class DeclarationBatch implements WriteBatch<Submission, DeclarationDto> {
    static final String OPERATION = "submit-declaration";
    private static final Logger LOG = LoggerFactory.getLogger(DeclarationBatch.class);

    private final Transactions tx;
    private final UniqueKeyRaceRetry keyRaceRetry;
    private final DeclarationOpening opening;
    private final IdempotentWrites idempotent;
    private final DeclarationAnnouncements announcements;
    private final DeclarationStages stages;
    /** Batches whose shared transaction failed and whose submissions were written alone (tests watch it). */
    private final AtomicLong replayed = new AtomicLong();

    /** One submission's result in the batch: written, a first answer given again, or refused. */
    private static final class Slot {
        Opened opened;
        /** the slot whose answer this one repeats (same key in the batch) */
        Slot sameAs;

        DeclarationDto answer;
        CrossingDto crossing;
        RuntimeException refused;
    }

    /** A submission's answer and the crossing it wrote (null when it repeated an earlier answer). */
    private record Written(DeclarationDto answer, CrossingDto crossing) {}

    DeclarationBatch(
            Transactions tx,
            UniqueKeyRaceRetry keyRaceRetry,
            DeclarationOpening opening,
            IdempotentWrites idempotent,
            DeclarationAnnouncements announcements,
            DeclarationStages stages) {
        this.stages = stages;
        this.tx = tx;
        this.keyRaceRetry = keyRaceRetry;
        this.opening = opening;
        this.idempotent = idempotent;
        this.announcements = announcements;
    }

    @Override
    public List<WriteOutcome<DeclarationDto>> write(List<Submission> batch) {
        List<Slot> slots;
        long start = System.nanoTime();
        long[] statementsDone = {start};
        try {
            slots = tx.write(GroupCommit.rolledBackOnError(session -> {
                List<Slot> written = writeTogether(session, batch);
                statementsDone[0] = System.nanoTime();
                return written;
            }));
        } catch (RuntimeException | Error shared) { // an Error too: the others must still be written and answered
            replayed.incrementAndGet();
            LOG.warn(
                    "a batch of {} declarations failed as one transaction ({}: {}); writing each alone",
                    batch.size(),
                    shared.getClass().getName(),
                    shared.getMessage());
            return batch.stream().map(this::writeAlone).toList();
        }
        long committed = System.nanoTime();
        stages.statements.record(statementsDone[0] - start);
        stages.commit.record(committed - statementsDone[0]);
        List<WriteOutcome<DeclarationDto>> outcomes = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            if (slot.refused != null) {
                outcomes.add(WriteOutcome.failed(slot.refused));
            } else if (slot.crossing == null) { // an earlier answer repeated: announced when first written
                outcomes.add(WriteOutcome.of(slot.answer));
            } else {
                CrossingDto crossing = slot.crossing;
                expect(crossing);
                outcomes.add(WriteOutcome.of(slot.answer, () -> announcements.publish(crossing)));
            }
        }
        stages.matcher.record(System.nanoTime() - committed);
        return outcomes;
    }

    /** The matcher told before the answer; a failure there is logged and must not fail a written declaration. */
    private void expect(CrossingDto crossing) {
        try {
            announcements.expect(crossing);
        } catch (RuntimeException e) {
            LOG.warn("the plate matcher was not told of crossing {}", crossing.id(), e);
        }
    }

    @Override
    public void announced() {
        announcements.queueChanged();
    }

    long replayed() {
        return replayed.get();
    }

    private WriteOutcome<DeclarationDto> writeAlone(Submission s) {
        try {
            Written written = submitAlone(s);
            if (written.crossing() == null) {
                return WriteOutcome.of(written.answer());
            }
            expect(written.crossing());
            return WriteOutcome.of(written.answer(), () -> announcements.publish(written.crossing()));
        } catch (RuntimeException | Error e) {
            return WriteOutcome.failed(e);
        }
    }

    /**
     * One submission in its own transaction: the path a declaration takes when the shared transaction of its
     * batch failed. The matcher and the workstations are told by the caller.
     */
    private Written submitAlone(Submission s) {
        // the crossing as written, announced after the commit; null when an earlier answer is repeated: that
        // crossing was announced when it was written, and it may since have been cancelled or have passed
        AtomicReference<CrossingDto> written = new AtomicReference<>();
        DeclarationDto result = keyRaceRetry.write(written, session -> {
            // open trips read before the stored key, as in a batch (see writeTogether)
            List<Object[]> openTrips =
                    OpenTripCheck.openTrips(session, s.vehicles().plates(), null);
            return idempotent.run(session, s.actor(), s.idempotencyKey(), OPERATION, DeclarationDto.class, () -> {
                EnterpriseEntity enterprise = opening.enterprise(session, s.enterpriseId());
                OpenTripCheck.refuse(openTrips, s.vehicles());
                Opened opened = opening.open(session, s, enterprise, null);
                session.flush(); // the version the crossing has once written
                written.set(opened.crossingDto());
                return opened.declarationDto();
            });
        });
        return new Written(result, written.get());
    }

    private List<Slot> writeTogether(Session session, List<Submission> batch) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> plates = new LinkedHashSet<>();
        Set<String> documents = new LinkedHashSet<>();
        for (Submission s : batch) {
            if (s.keyed()) {
                keys.add(s.idempotencyKey());
            }
            plates.addAll(s.vehicles().plates());
            documents.add(DeclarationRecords.document(s.request()));
        }
        // open trips before stored keys: Derby makes the open-trips read wait for a batch still writing the same
        // vehicle, and a key of that batch becomes visible with its commit; read after, a resent submission
        // (same key, its first try still in flight) finds its stored answer instead of its own open trip
        List<Object[]> openTrips = new ArrayList<>(OpenTripCheck.openTrips(session, plates, null));
        DeclarationRecords.Known known = new DeclarationRecords.Known(session, plates, documents);
        Map<String, IdempotencyRecordEntity> stored = idempotent.stored(session, keys);
        Map<String, Slot> answered = new HashMap<>();
        List<Slot> slots = new ArrayList<>(batch.size());
        for (Submission s : batch) {
            Slot slot = new Slot();
            slots.add(slot);
            String key = s.keyed() ? s.idempotencyKey() + "\u001f" + s.actor().username() : null;
            EnterpriseEntity enterprise;
            try { // the checks write nothing: a refusal here leaves the batch's transaction as it was
                IdempotencyRecordEntity record = key == null ? null : stored.get(key);
                if (record != null) {
                    slot.answer = idempotent.replay(record, OPERATION, DeclarationDto.class);
                    continue;
                }
                if (key != null && answered.containsKey(key)) {
                    slot.sameAs = answered.get(key);
                    continue;
                }
                enterprise = opening.enterprise(session, s.enterpriseId());
                OpenTripCheck.refuse(openTrips, s.vehicles());
            } catch (GateException refused) {
                slot.refused = refused;
                continue;
            }
            slot.opened = opening.open(session, s, enterprise, known);
            // later submissions of the batch see this trip as open, as if it had been committed before them
            String code = slot.opened.code();
            openTrips.add(new Object[] {1, s.vehicles().tractor().normalized(), code});
            if (s.vehicles().trailer() != null) {
                openTrips.add(new Object[] {2, s.vehicles().trailer().normalized(), code});
            }
            if (key != null) {
                answered.put(key, slot);
            }
        }
        session.flush(); // the versions the crossings have once written
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            Submission s = batch.get(i);
            if (slot.opened != null) {
                slot.answer = slot.opened.declarationDto();
                slot.crossing = slot.opened.crossingDto();
                if (s.keyed()) {
                    idempotent.remember(session, s.actor(), s.idempotencyKey(), OPERATION, slot.answer);
                }
            } else if (slot.sameAs != null) {
                slot.answer = slot.sameAs.answer; // its crossing is announced once, by the slot that wrote it
            }
        }
        return slots;
    }
}
