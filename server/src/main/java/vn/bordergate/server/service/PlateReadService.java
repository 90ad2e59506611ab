package vn.bordergate.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateCorrectionRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.PlateReadStatsDto;
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.CameraEntity;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.PlateReadEntity;
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
    private final AuditLog audit;
    private final EventPublisher events;
    private final Clock clock;

    public PlateReadService(
            Transactions tx,
            RequestValidator validator,
            PlateMatcher matcher,
            VehicleArrival arrival,
            AuditLog audit,
            EventPublisher events,
            Clock clock) {
        this.tx = tx;
        this.validator = validator;
        this.matcher = matcher;
        this.arrival = arrival;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public PlateReadDto record(Actor actor, NewPlateReadRequest request) {
        return recordPass(actor, request, null).get(0);
    }

    /**
     * A tractor and, when one was seen in the same pass, its trailer: both are stored and matched, and
     * the trailer read points at the tractor read so officers see them together.
     */
    public List<PlateReadDto> recordPass(Actor actor, NewPlateReadRequest tractor, NewPlateReadRequest trailer) {
        validator.check(tractor);
        if (trailer != null) {
            validator.check(trailer);
        }
        if (actor.role() != Role.CAMERA && !actor.isOfficerOf(Agency.GATE_MANAGEMENT)) {
            throw GateException.forbidden("only lane cameras and gate management officers post plate reads");
        }
        List<PlateReadDto> reads = tx.write(session -> {
            List<PlateReadDto> stored = new ArrayList<>();
            PlateReadEntity first = store(session, tractor, null);
            stored.add(DtoMapping.plateRead(first));
            if (trailer != null) {
                stored.add(DtoMapping.plateRead(store(session, trailer, first.getId())));
            }
            return stored;
        });
        reads.forEach(read -> events.publish(new PlateReadEvent(read)));
        PlateReadDto first = reads.get(0);
        if (first.matchStatus() == MatchStatus.MATCHED) {
            arrival.arrived(first.crossingId(), first.cameraCode(), first.laneCode());
        }
        return reads;
    }

    private PlateReadEntity store(Session session, NewPlateReadRequest request, Long pairedWith) {
        CameraEntity camera = session.createSelectionQuery(
                        "from CameraEntity c join fetch c.lane where c.code = :c", CameraEntity.class)
                .setParameter("c", request.cameraCode())
                .uniqueResult();
        if (camera == null) {
            throw GateException.invalidField("cameraCode", "'" + request.cameraCode() + "' is not a known camera");
        }
        PlateReadEntity r = new PlateReadEntity();
        r.setCameraCode(camera.getCode());
        r.setLaneCode(camera.getLane().getCode());
        r.setReadAt(request.readAt() == null ? clock.instant() : request.readAt());
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
        session.persist(r);
        return r;
    }

    /** An officer puts a read right: the real plate, or the crossing picked from the candidates. */
    public PlateReadDto correct(Actor actor, long readId, PlateCorrectionRequest request) {
        validator.check(request);
        CrossingService.requireAgency(actor, Agency.GATE_MANAGEMENT, "correct plate reads");
        boolean hasPlate = request.plate() != null && !request.plate().isBlank();
        if (!hasPlate && request.crossingId() == null) {
            throw GateException.invalid("give the plate as it really is, or the crossing the read belongs to");
        }
        Optional<Plate> plate = hasPlate ? Optional.of(parse(request.plate())) : Optional.empty();
        PlateReadDto corrected = tx.write(session -> {
            PlateReadEntity r = session.find(PlateReadEntity.class, readId);
            if (r == null) {
                throw GateException.notFound("plate read " + readId);
            }
            Long crossingId = request.crossingId() != null
                    ? request.crossingId()
                    : plate.flatMap(p -> openCrossingOf(session, p)).orElse(null);
            if (crossingId != null && session.find(CrossingEntity.class, crossingId) == null) {
                throw GateException.invalidField("crossingId", "is not a known crossing");
            }
            String before = r.getPlate() == null ? r.getRawText() : r.getPlate();
            plate.ifPresent(p -> {
                r.setPlate(p.normalized());
                r.setCountry(p.country());
            });
            r.setCrossingId(crossingId);
            r.setMatchStatus(crossingId == null ? MatchStatus.NEEDS_OFFICER : MatchStatus.CORRECTED);
            r.setCorrectedBy(actor.username());
            r.setCorrectedAt(clock.instant());
            audit.append(
                    session,
                    actor,
                    "PLATE_CORRECTED",
                    "plate_read",
                    readId,
                    before + " -> " + (r.getPlate() == null ? "?" : r.getPlate())
                            + (crossingId == null ? "" : " crossing " + crossingId));
            return DtoMapping.plateRead(r);
        });
        events.publish(new PlateReadEvent(corrected));
        if (corrected.crossingId() != null && corrected.pairedReadId() == null) {
            arrival.arrived(corrected.crossingId(), corrected.cameraCode(), corrected.laneCode());
        }
        return corrected;
    }

    public List<PlateReadDto> recent(int limit) {
        return tx.read(session -> session
                .createSelectionQuery("from PlateReadEntity order by readAt desc, id desc", PlateReadEntity.class)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(DtoMapping::plateRead)
                .toList());
    }

    /** The auto-match rate supervisors report: reads matched without an officer, of all reads. */
    public PlateReadStatsDto stats() {
        return tx.read(session -> {
            long auto = 0;
            long officer = 0;
            long corrected = 0;
            for (Object[] row : session.createSelectionQuery(
                            "select matchStatus, count(*) from PlateReadEntity group by matchStatus", Object[].class)
                    .getResultList()) {
                long n = (Long) row[1];
                switch ((MatchStatus) row[0]) {
                    case MATCHED -> auto += n;
                    case CORRECTED -> corrected += n;
                    default -> officer += n;
                }
            }
            long reads = auto + officer + corrected;
            return new PlateReadStatsDto(reads, auto, officer, corrected, reads == 0 ? 0 : (double) auto / reads);
        });
    }

    private static Plate parse(String text) {
        try {
            return PlateParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw GateException.invalidField("plate", e.getMessage());
        }
    }

    private static Optional<Long> openCrossingOf(Session session, Plate plate) {
        return session
                .createSelectionQuery(
                        "select c.id from CrossingEntity c where c.openTractorKey = :p or c.openTrailerKey = :p",
                        Long.class)
                .setParameter("p", plate.normalized())
                .getResultList()
                .stream()
                .findFirst();
    }
}
