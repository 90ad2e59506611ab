package vn.bordergate.server.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.hibernate.Session;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateCorrectionRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.PlateReadStatsDto;
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.anpr.tracking.PlateEvidence;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.GroupCommit;
import vn.bordergate.server.persistence.PlateReadEntity;
import vn.bordergate.server.persistence.PlateReadRows;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * Plate reads from lane cameras: each is matched to the crossings expected now; a unique close match
 * moves the crossing through arrival and vehicle control, anything else waits for an officer, whose
 * correction is recorded and counted.
 */
public final class PlateReadService {
    private final Transactions tx;
    private final RequestValidator validator;
    private final PlateMatcher matcher;
    private final VehicleArrival arrival;
    private final EventPublisher events;
    private final PlateCorrections corrections;
    private final PlateReadHistory history;
    /** How far ahead of the server a camera's clock may run before its reads are refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final Clock clock;
    private final PlateReadImages images;
    private final CameraPlaces cameras = new CameraPlaces();
    /** The writers' new rows, inserted by one JDBC batch just before each commit. */
    private final PlateReadRows rows = new PlateReadRows();
    /** Reads of concurrent requests share a transaction and its commit (measured: LoadBenchmark). */
    private final GroupCommit writes;

    public PlateReadService(
            Transactions tx,
            RequestValidator validator,
            PlateMatcher matcher,
            VehicleArrival arrival,
            AuditLog audit,
            EventPublisher events,
            Clock clock,
            PlateReadImages images) {
        this.images = images;
        this.tx = tx;
        this.validator = validator;
        this.matcher = matcher;
        this.arrival = arrival;
        this.events = events;
        this.clock = clock;
        this.corrections = new PlateCorrections(tx, validator, arrival, audit, events, clock);
        this.history = new PlateReadHistory(tx, images, clock);
        this.writes = new GroupCommit(
                tx,
                "plate-read-writer",
                4,
                1024,
                256,
                5_000,
                30_000,
                () -> GateException.unavailable(
                        "the gate server is too busy to record plate reads now: send them again",
                        Duration.ofSeconds(2)),
                () -> GateException.unavailable(
                        "the gate server did not finish recording these plate reads in time: they may have been"
                                + " recorded",
                        Duration.ofSeconds(2)),
                this::committed);
    }

    /**
     * Refuses new reads (503) and waits up to {@code waitMillis} for those being written: called at shutdown,
     * while Jetty still answers and before the database closes.
     */
    public boolean close(long waitMillis) {
        return writes.close(waitMillis);
    }

    /** Reads waiting for a writer now (tests: how many wait for a commit). */
    int queued() {
        return writes.queued();
    }

    /** Whether {@link #close} has begun, so new reads are refused (tests wait for it during a stop). */
    boolean isClosed() {
        return writes.isClosed();
    }

    public PlateReadDto record(Actor actor, NewPlateReadRequest request) {
        return recordPass(actor, request, null).get(0);
    }

    /**
     * A tractor and, when one was seen in the same pass, its trailer: both are stored and matched, and
     * the trailer read points at the tractor read so officers see them together.
     */
    public List<PlateReadDto> recordPass(Actor actor, NewPlateReadRequest tractor, NewPlateReadRequest trailer) {
        return recordPass(actor, tractor, null, trailer, null);
    }

    /**
     * A pass as a lane camera saw it: each plate with the picture of its clearest sighting (null for none),
     * whose crop and frame are saved in the background and named in the read's {@code imagePath}.
     */
    public List<PlateReadDto> recordPass(
            Actor actor,
            NewPlateReadRequest tractor,
            PlateEvidence tractorImage,
            NewPlateReadRequest trailer,
            PlateEvidence trailerImage) {
        PlateReadPass pass = pass(actor, tractor, tractorImage, trailer, trailerImage);
        PlateReadPass.Stored stored;
        try {
            stored = writes.write(pass::store);
        } catch (RuntimeException e) {
            pass.release();
            throw e;
        }
        pass.savePictures(stored);
        List<PlateReadDto> reads = stored.reads();
        reads.forEach(read -> events.publish(new PlateReadEvent(read)));
        arrive(stored);
        return reads;
    }

    /**
     * As {@link #record}, answered later: the future completes after the read's commit, with what {@code record}
     * returns or throws, so a request thread need not park until then. What follows the commit runs on the writer
     * that committed it when it cannot wait (the event queue has room, the crossing has no step to pass); otherwise
     * ({@link VehicleArrival} may write) on {@code slowWork}, since a writer waiting would hold back every read
     * queued behind it. Refusals before the read is queued (a bad read, a full queue) are thrown here.
     */
    public CompletableFuture<PlateReadDto> recordLater(Actor actor, NewPlateReadRequest request, Executor slowWork) {
        PlateReadPass pass = pass(actor, request, null, null, null);
        CompletableFuture<PlateReadDto> answer = new CompletableFuture<>();
        writes.submit(pass::store).whenComplete((stored, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure); // no pictures were reserved: none to release
                return;
            }
            PlateReadDto read = stored.reads().get(0);
            boolean told = events.tryPublish(new PlateReadEvent(read));
            if (told && !(stored.arrives() && (stored.states == null || VehicleArrival.mayPass(stored.states)))) {
                answer.complete(read); // arrived() would do nothing with these states
                return;
            }
            Runnable rest = () -> {
                try {
                    if (!told) {
                        events.publish(new PlateReadEvent(read));
                    }
                    arrive(stored);
                    answer.complete(read);
                } catch (RuntimeException | Error e) {
                    answer.completeExceptionally(e);
                }
            };
            try {
                slowWork.execute(rest);
            } catch (RuntimeException refused) { // no thread for it (stopping): the read is written, finish it here
                rest.run();
            }
        });
        return answer;
    }

    private PlateReadPass pass(
            Actor actor,
            NewPlateReadRequest tractor,
            PlateEvidence tractorImage,
            NewPlateReadRequest trailer,
            PlateEvidence trailerImage) {
        validator.check(tractor);
        if (trailer != null) {
            validator.check(trailer);
        }
        if (actor.role() != Role.CAMERA && !actor.isOfficerOf(Agency.GATE_MANAGEMENT)) {
            throw GateException.forbidden("only lane cameras and gate management officers post plate reads");
        }
        // checked before the shared transaction, so a bad read is refused alone and costs the others nothing
        Instant now = clock.instant();
        return new PlateReadPass(
                (session, request, camera, at, pairedWith, withPictures) ->
                        DtoMapping.plateRead(store(session, request, camera, at, pairedWith, withPictures)),
                images,
                new PlateReadPass.Seen(
                        tractor, cameras.of(tx, tractor.cameraCode()), readAt(tractor, now), tractorImage),
                trailer == null
                        ? null
                        : new PlateReadPass.Seen(
                                trailer, cameras.of(tx, trailer.cameraCode()), readAt(trailer, now), trailerImage));
    }

    private void arrive(PlateReadPass.Stored stored) {
        if (stored.arrives()) {
            PlateReadDto first = stored.reads().get(0);
            arrival.arrived(first.crossingId(), first.cameraCode(), first.laneCode(), stored.states);
        }
    }

    /**
     * After a batch's commit, on its writer: the step states of every crossing its reads matched, in one query,
     * where each read used to ask for its own crossing's in a transaction of its own (JFR, perf8). Read after
     * the commit, as {@link VehicleArrival#arrived} needs: a step passed meanwhile is seen.
     */
    private void committed(List<Object> results) {
        List<PlateReadPass.Stored> arriving = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof PlateReadPass.Stored stored && stored.arrives()) {
                arriving.add(stored);
            }
        }
        if (arriving.isEmpty()) {
            return;
        }
        Map<Long, Map<Step, StepState>> states = arrival.stepStates(
                arriving.stream().map(PlateReadPass.Stored::crossingId).toList());
        for (PlateReadPass.Stored stored : arriving) {
            stored.states = states.getOrDefault(stored.crossingId(), Map.of());
        }
    }

    private static Instant readAt(NewPlateReadRequest request, Instant now) {
        if (request.readAt() != null && request.readAt().isAfter(now.plus(CLOCK_SKEW))) {
            // a camera clock far ahead would also move the matcher's window past every expected truck
            throw GateException.invalidField(
                    "readAt",
                    request.readAt() + " is "
                            + Duration.between(now, request.readAt()).toMinutes()
                            + " minutes ahead of the gate server's clock: check the camera's clock");
        }
        return request.readAt() == null ? now : request.readAt();
    }

    private PlateReadEntity store(
            Session session,
            NewPlateReadRequest request,
            CameraPlace camera,
            Instant readAt,
            Long pairedWith,
            boolean withPictures) {
        PlateReadEntity r = new PlateReadEntity();
        r.setCameraCode(camera.code());
        r.setLaneCode(camera.laneCode());
        r.setReadAt(readAt);
        r.setRawText(request.text().strip());
        r.setConfidence(request.confidence());
        r.setImagePath(request.imagePath());
        r.setPairedReadId(pairedWith);
        Optional<Plate> plate = PlateParser.tryParse(request.text());
        plate.ifPresent(p -> {
            r.setPlate(p.normalized());
            r.setCountry(p.country());
        });
        PlateMatcher.Match match = matcher.match(session, request.text(), r.getReadAt());
        r.setMatchStatus(match.status());
        r.setCrossingId(match.crossingId());
        r.setCandidates(PlateMatcher.encode(match.candidates()));
        // assigns the id (sequence), which names the pictures; the row is inserted just before the commit
        rows.insert(session, r);
        if (withPictures) {
            r.setImagePath(PlateReadImages.relativePath(r.getId(), r.getReadAt(), PlateReadImages.Kind.CROP));
        }
        return r;
    }

    /** An officer puts a read right: the real plate, or the crossing picked from the candidates. */
    public PlateReadDto correct(Actor actor, long readId, PlateCorrectionRequest request) {
        return corrections.correct(actor, readId, request);
    }

    public List<PlateReadDto> recent(int limit) {
        return history.recent(limit);
    }

    /** A read's plate crop or full-frame snapshot as JPEG bytes ({@link PlateReadHistory#image}). */
    public byte[] image(long readId, PlateReadImages.Kind kind) {
        return history.image(readId, kind);
    }

    /** The auto-match rate supervisors report: reads matched without an officer, of all reads. */
    public PlateReadStatsDto stats() {
        return history.stats();
    }
}
