package vn.bordergate.server.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.CrossingWorkflow;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.BatchWriter;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;
import vn.bordergate.server.persistence.DeclarationEntity;
import vn.bordergate.server.persistence.EnterpriseEntity;
import vn.bordergate.server.persistence.GoodsLineEntity;
import vn.bordergate.server.persistence.GroupCommit;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * Enterprises declare vehicle trips: one open trip per vehicle (tractor or trailer), goods of one
 * enterprise per vehicle. A declaration opens its crossing; a rejected one can be corrected and
 * resubmitted.
 */
public final class DeclarationService {
    private static final Set<CrossingStatus> EDITABLE =
            Set.of(CrossingStatus.DECLARED, CrossingStatus.DECLARATION_REJECTED);
    private static final Set<CrossingStatus> CANCELLABLE =
            Set.of(CrossingStatus.DECLARED, CrossingStatus.DECLARATION_REJECTED, CrossingStatus.EN_ROUTE);

    private final Transactions tx;
    private final RequestValidator validator;
    private final DeclarationRecords records;
    private final AuditLog audit;
    private final IdempotentWrites idempotent;
    private final EventPublisher events;
    private final Clock clock;
    private final PlateMatcher plates;
    private final QueueWatch queue;
    private final Map<Long, EnterpriseEntity> enterprises = new ConcurrentHashMap<>();
    private final BatchWriter<Submission, DeclarationDto> batches;
    private final DeclarationBatch batch;

    public DeclarationService(
            Transactions tx,
            RequestValidator validator,
            DeclarationRecords records,
            AuditLog audit,
            IdempotentWrites idempotent,
            EventPublisher events,
            Clock clock,
            PlateMatcher plates,
            QueueWatch queue) {
        this.tx = tx;
        this.validator = validator;
        this.records = records;
        this.audit = audit;
        this.idempotent = idempotent;
        this.events = events;
        this.clock = clock;
        this.plates = plates;
        this.queue = queue;
        this.batch = new DeclarationBatch(tx, this, idempotent);
        this.batches = new BatchWriter<>(
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
    }

    public DeclarationDto submit(Actor actor, DeclarationRequest request, String idempotencyKey) {
        long enterpriseId = declaringEnterprise(actor, validator.check(request));
        ParsedVehicles vehicles = parseVehicles(request);
        checkArrival(request.expectedArrival());
        idempotent.checkKey(idempotencyKey);
        // written together with the submissions of other requests: one commit for all of them
        return batches.write(new Submission(actor, request, idempotencyKey, enterpriseId, vehicles));
    }

    /** The writer of submitted declarations (tests watch its queue). */
    BatchWriter<Submission, DeclarationDto> batches() {
        return batches;
    }

    /** How many batches failed as a whole and were written one declaration at a time (a metric). */
    public long batchesReplayed() {
        return batch.replayed();
    }

    /**
     * Refuses new submissions (503) and waits up to {@code waitMillis} for those being written: called at
     * shutdown, before the database closes.
     */
    public boolean close(long waitMillis) {
        return batches.close(waitMillis);
    }

    /** A submission written alone: its answer, and its crossing to announce once the caller was answered. */
    /** A submission's answer and the crossing it wrote (null when it repeated an earlier answer). */
    record Written(DeclarationDto answer, CrossingDto crossing) {}

    /** A checked submission waiting for its batch. */
    record Submission(
            Actor actor,
            DeclarationRequest request,
            String idempotencyKey,
            long enterpriseId,
            ParsedVehicles vehicles) {
        boolean keyed() {
            return idempotencyKey != null && !idempotencyKey.isBlank();
        }
    }

    /**
     * What opening a declaration wrote; its DTOs are taken once the session was flushed. A class, not a record:
     * its entities must not leave the service through public accessors.
     */
    static final class Opened {
        private final DeclarationEntity declaration;
        private final List<GoodsLineEntity> goods;
        private final CrossingEntity crossing;
        private final List<CrossingStepEntity> steps;

        Opened(
                DeclarationEntity declaration,
                List<GoodsLineEntity> goods,
                CrossingEntity crossing,
                List<CrossingStepEntity> steps) {
            this.declaration = declaration;
            this.goods = goods;
            this.crossing = crossing;
            this.steps = steps;
        }

        String code() {
            return declaration.getCode();
        }

        CrossingDto crossingDto() {
            return DtoMapping.crossing(crossing, steps);
        }

        DeclarationDto declarationDto() {
            return DtoMapping.declaration(declaration, goods, crossing);
        }
    }

    /**
     * One submission in its own transaction: the path a declaration takes when the shared transaction of its
     * batch failed. The workstations and the matcher are told by the caller ({@link #tell}).
     */
    Written submitAlone(Submission s) {
        // the crossing as written, announced after the commit; null when an earlier answer is repeated: that
        // crossing was announced when it was written, and it may since have been cancelled or have passed
        AtomicReference<CrossingDto> written = new AtomicReference<>();
        DeclarationDto result = writeGuarded(written, session -> {
            // open trips read before the stored key, as in a batch (see DeclarationBatch#writeTogether)
            List<Object[]> openTrips = openTrips(session, plates(s.vehicles()), null);
            return idempotent.run(
                    session, s.actor(), s.idempotencyKey(), DeclarationBatch.OPERATION, DeclarationDto.class, () -> {
                        EnterpriseEntity enterprise = enterprise(session, s.enterpriseId());
                        refuseOpenTrip(openTrips, s.vehicles());
                        Opened opened = open(session, s, enterprise, null);
                        session.flush(); // the version the crossing has once written
                        written.set(opened.crossingDto());
                        return opened.declarationDto();
                    });
        });
        return new Written(result, written.get());
    }

    /**
     * Writes a new declaration, its goods, crossing, steps and audit entry into the session (not flushed).
     * {@code known}: the batch's vehicles and drivers, or null to ask the database for them.
     */
    Opened open(Session session, Submission s, EnterpriseEntity enterprise, DeclarationRecords.Known known) {
        DeclarationRequest request = s.request();
        ParsedVehicles vehicles = s.vehicles();
        DeclarationEntity d = new DeclarationEntity();
        d.setEnterprise(enterprise);
        d.setRevision(1);
        d.setSubmittedBy(s.actor().username());
        // the real code is made from the id, known only after persist; until then a unique stand-in
        d.setCode("P-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        records.fill(session, d, request, vehicles.tractor(), vehicles.trailer(), clock.instant(), known);
        session.persist(d);
        d.setCode(String.format("BG-%08d", d.getId()));
        List<GoodsLineEntity> goods = records.writeGoods(session, d, true, request.goods());
        List<CrossingStepEntity> steps = new ArrayList<>();
        CrossingEntity c = openCrossing(session, d, request, vehicles, steps);
        audit.append(
                session,
                s.actor(),
                "DECLARATION_SUBMITTED",
                "declaration",
                d.getId(),
                d.getCode() + " " + vehicles.tractor().display() + " " + request.direction());
        return new Opened(d, goods, c, steps);
    }

    /**
     * The declaring enterprise, read from the database once: enterprises are only ever created, never changed
     * or deleted, so the instance read first is kept (detached) and referenced by every later declaration;
     * only its id, name and priority are read from it.
     */
    EnterpriseEntity enterprise(Session session, long id) {
        EnterpriseEntity known = enterprises.get(id);
        if (known != null) {
            return known;
        }
        EnterpriseEntity read = session.find(EnterpriseEntity.class, id);
        if (read == null) {
            throw GateException.notFound("enterprise " + id);
        }
        session.detach(read); // the same detached instance in every session, this one included
        EnterpriseEntity first = enterprises.putIfAbsent(id, read);
        return first != null ? first : read;
    }

    public DeclarationDto resubmit(Actor actor, long id, DeclarationRequest request) {
        validator.check(request);
        ParsedVehicles vehicles = parseVehicles(request);
        checkArrival(request.expectedArrival());
        AtomicReference<CrossingDto> written = new AtomicReference<>();
        DeclarationDto result = writeGuarded(written, session -> {
            DeclarationEntity d = records.ownDeclaration(session, actor, id);
            if (request.enterpriseId() != null
                    && request.enterpriseId() != d.getEnterprise().getId().longValue()) {
                throw GateException.forbidden("a declaration can't be moved to another enterprise");
            }
            CrossingEntity c = records.crossingOf(session, d);
            if (!EDITABLE.contains(c.getStatus())) {
                throw GateException.conflict("declaration " + d.getCode() + " is " + c.getStatus()
                        + ": only a declaration not yet accepted, or one that was rejected, can be corrected");
            }
            checkNoOpenTrip(session, vehicles, c.getId());
            records.fill(session, d, request, vehicles.tractor(), vehicles.trailer(), clock.instant());
            d.setRevision(d.getRevision() + 1);
            List<GoodsLineEntity> goods = records.writeGoods(session, d, false, request.goods());
            setPlates(c, vehicles);
            c.setExpectedArrival(request.expectedArrival());
            c.setPerishable(records.perishable(request.goods()));
            List<CrossingStepEntity> steps = new ArrayList<>();
            resetSteps(session, c, request, false, steps);
            touch(c, CrossingStatus.DECLARED);
            audit.append(
                    session,
                    actor,
                    "DECLARATION_RESUBMITTED",
                    "declaration",
                    d.getId(),
                    d.getCode() + " revision " + d.getRevision());
            session.flush(); // the version the crossing has once written
            written.set(DtoMapping.crossing(c, steps));
            return DtoMapping.declaration(d, goods, c);
        });
        tell(written.get());
        queue.changed();
        return result;
    }

    public DeclarationDto cancel(Actor actor, long id) {
        AtomicReference<CrossingDto> written = new AtomicReference<>();
        DeclarationDto result = tx.write(session -> {
            DeclarationEntity d = records.ownDeclaration(session, actor, id);
            CrossingEntity c = records.crossingOf(session, d);
            if (!CANCELLABLE.contains(c.getStatus())) {
                throw GateException.conflict("declaration " + d.getCode() + " is " + c.getStatus()
                        + ": a trip can only be cancelled before the vehicle arrives");
            }
            touch(c, CrossingStatus.CANCELLED);
            audit.append(session, actor, "DECLARATION_CANCELLED", "declaration", d.getId(), d.getCode());
            session.flush();
            written.set(DtoMapping.crossing(
                    c, List.copyOf(records.stepsOf(session, c).values())));
            return DtoMapping.declaration(d, records.goodsOf(session, d), c);
        });
        events.publish(new CrossingChangedEvent(written.get()));
        queue.changed();
        return result;
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

    private long declaringEnterprise(Actor actor, DeclarationRequest request) {
        if (actor.role() != Role.ENTERPRISE || actor.enterpriseId() == null) {
            throw GateException.forbidden("only an enterprise account declares trips");
        }
        if (request.enterpriseId() != null && !request.enterpriseId().equals(actor.enterpriseId())) {
            throw GateException.forbidden("an enterprise declares only its own trips");
        }
        return actor.enterpriseId();
    }

    record ParsedVehicles(Plate tractor, Plate trailer) {}

    private static ParsedVehicles parseVehicles(DeclarationRequest request) {
        Plate tractor = parsePlate("tractorPlate", request.tractorPlate());
        if (tractor.kind().isTrailer()) {
            throw GateException.invalidField("tractorPlate", "is a trailer plate: give the truck's own plate here");
        }
        Plate trailer = null;
        if (request.trailerPlate() != null && !request.trailerPlate().isBlank()) {
            trailer = parsePlate("trailerPlate", request.trailerPlate());
            if (!trailer.kind().isTrailer()) {
                throw GateException.invalidField("trailerPlate", "is not a trailer plate (like 12R-012.34 or 桂A1234挂)");
            }
        }
        return new ParsedVehicles(tractor, trailer);
    }

    private static Plate parsePlate(String field, String text) {
        try {
            return PlateParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw GateException.invalidField(field, e.getMessage());
        }
    }

    private void checkArrival(Instant expectedArrival) {
        Instant now = clock.instant();
        if (expectedArrival.isBefore(now.minus(Duration.ofDays(1)))) {
            throw GateException.invalidField("expectedArrival", "is more than a day in the past");
        }
        if (expectedArrival.isAfter(now.plus(Duration.ofDays(30)))) {
            throw GateException.invalidField("expectedArrival", "is more than 30 days ahead");
        }
    }

    /**
     * One statement for both plates and both unique keys: a union of index lookups (Derby answers an OR of
     * two columns with a scan of every crossing). A plate found as a tractor is reported before one found as
     * a trailer, the tractor before the trailer, as when each was asked on its own.
     */
    private static void checkNoOpenTrip(Session session, ParsedVehicles vehicles, Long exceptCrossing) {
        refuseOpenTrip(openTrips(session, plates(vehicles), exceptCrossing), vehicles);
    }

    static List<String> plates(ParsedVehicles vehicles) {
        List<String> plates = new ArrayList<>();
        for (Plate plate : new Plate[] {vehicles.tractor(), vehicles.trailer()}) {
            if (plate != null) {
                plates.add(plate.normalized());
            }
        }
        return plates;
    }

    /**
     * The open trips of these plates as rows (1 when found as a tractor, 2 as a trailer; the plate; the
     * declaration's code), except one crossing's.
     */
    static List<Object[]> openTrips(Session session, java.util.Collection<String> plates, Long exceptCrossing) {
        String in = InListParameters.in("p", plates.size());
        return InListParameters.bind(
                        session.createSelectionQuery(
                                        "select 1, c.openTractorKey, c.declaration.code from CrossingEntity c"
                                                + " where c.openTractorKey in (" + in + ") and c.id <> :except"
                                                + " union all select 2, c.openTrailerKey, c.declaration.code from"
                                                + " CrossingEntity c where c.openTrailerKey in (" + in
                                                + ") and c.id <> :except",
                                        Object[].class)
                                .setParameter("except", exceptCrossing == null ? -1L : exceptCrossing),
                        "p",
                        plates)
                .getResultList();
    }

    /** Refuses the vehicles when a row of {@link #openTrips} holds one of them. */
    static void refuseOpenTrip(List<Object[]> found, ParsedVehicles vehicles) {
        if (found.isEmpty()) {
            return;
        }
        for (Plate plate : new Plate[] {vehicles.tractor(), vehicles.trailer()}) {
            if (plate == null) {
                continue;
            }
            found.stream()
                    .filter(row -> plate.normalized().equals(row[1]))
                    .min(java.util.Comparator.comparingInt(row -> ((Number) row[0]).intValue()))
                    .ifPresent(row -> {
                        throw GateException.conflict("vehicle " + plate.display() + " already has an open trip ("
                                + row[2] + "): one declaration per vehicle trip");
                    });
        }
    }

    private CrossingEntity openCrossing(
            Session session,
            DeclarationEntity d,
            DeclarationRequest request,
            ParsedVehicles vehicles,
            List<CrossingStepEntity> steps) {
        CrossingEntity c = new CrossingEntity();
        c.setDeclaration(d);
        setPlates(c, vehicles);
        c.setExpectedArrival(request.expectedArrival());
        c.setPerishable(records.perishable(request.goods()));
        c.setPriority(d.getEnterprise().isPriority());
        touch(c, CrossingStatus.DECLARED);
        session.persist(c);
        resetSteps(session, c, request, true, steps);
        return c;
    }

    /** Puts the crossing's steps back to their start; {@code steps} receives all of them, as written. */
    private void resetSteps(
            Session session,
            CrossingEntity c,
            DeclarationRequest request,
            boolean fresh,
            List<CrossingStepEntity> steps) {
        boolean quarantine = request.goods().stream().anyMatch(g -> g.quarantine() != QuarantineKind.NONE);
        Map<Step, StepState> initial = CrossingWorkflow.initialSteps(request.direction(), quarantine);
        // a crossing opened in this transaction has no steps yet: no need to ask (and flush) for them
        Map<Step, CrossingStepEntity> existing = fresh ? Map.of() : records.stepsOf(session, c);
        steps.addAll(existing.values());
        initial.forEach((step, state) -> {
            CrossingStepEntity s = existing.get(step);
            boolean isNew = s == null;
            if (isNew) {
                s = new CrossingStepEntity();
                s.setCrossing(c);
                s.setStep(step);
            }
            s.setState(state);
            s.setOfficer(null);
            s.setStationCode(null);
            s.setDecidedAt(null);
            s.setReason(null);
            if (isNew) {
                session.persist(s);
                steps.add(s);
            }
        });
    }

    private static void setPlates(CrossingEntity c, ParsedVehicles vehicles) {
        c.setTractorPlate(vehicles.tractor().normalized());
        c.setTrailerPlate(vehicles.trailer() == null ? null : vehicles.trailer().normalized());
    }

    private void touch(CrossingEntity c, CrossingStatus status) {
        c.setStatus(status);
        c.setUpdatedAt(clock.instant());
        OpenTrips.update(c);
    }

    /**
     * The database's unique keys are the last word on "one open trip per vehicle" under concurrency. Two
     * first declarations of one new driver or vehicle (or one Idempotency-Key sent twice at once) both
     * find none and both insert it: the later one is run again, and then finds what the first one wrote.
     */
    private <T> T writeGuarded(AtomicReference<CrossingDto> written, java.util.function.Function<Session, T> work) {
        for (int attempt = 1; ; attempt++) {
            written.set(null); // a rolled-back attempt's crossing must not be announced
            try {
                return tx.write(GroupCommit.rolledBackOnError(work));
            } catch (ConstraintViolationException e) {
                String violated = (String.valueOf(e.getConstraintName()) + " "
                                + e.getSQLException().getMessage())
                        .toUpperCase();
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                if (violated.contains("OPEN_TRA")) {
                    throw GateException.conflict(
                            "this vehicle already has an open trip: one declaration per vehicle trip");
                }
                boolean raced = violated.contains("UQ_DRIVER")
                        || violated.contains("UQ_VEHICLE")
                        || violated.contains("UQ_IDEMPOTENCY");
                if (!raced || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Tells the matcher and the workstations about a crossing, after its commit. */
    void tell(CrossingDto crossing) {
        expect(crossing);
        publish(crossing);
    }

    /**
     * Tells the plate matcher (in memory, quick): done before the declaration is answered, so a plate read
     * sent after the answer can be matched to it.
     */
    void expect(CrossingDto crossing) {
        plates.declared(
                crossing.id(),
                PlateParser.normalize(crossing.tractorPlate()),
                crossing.trailerPlate() == null ? null : PlateParser.normalize(crossing.trailerPlate()),
                crossing.expectedArrival());
    }

    /** Tells the workstations (may wait for the event hub): done after the declaration was answered. */
    void publish(CrossingDto crossing) {
        events.publish(new CrossingChangedEvent(crossing));
    }

    void queueChanged() {
        queue.changed();
    }
}
