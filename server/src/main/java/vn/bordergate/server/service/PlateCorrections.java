package vn.bordergate.server.service;

import java.time.Clock;
import java.util.Optional;
import org.hibernate.Session;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.PlateCorrectionRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.PlateReadEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/** Officers putting plate reads right: recorded, audited and counted, and the crossing moved on as if read so. */
final class PlateCorrections {
    private final Transactions tx;
    private final RequestValidator validator;
    private final VehicleArrival arrival;
    private final AuditLog audit;
    private final EventPublisher events;
    private final Clock clock;

    PlateCorrections(
            Transactions tx,
            RequestValidator validator,
            VehicleArrival arrival,
            AuditLog audit,
            EventPublisher events,
            Clock clock) {
        this.tx = tx;
        this.validator = validator;
        this.arrival = arrival;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** An officer puts a read right: the real plate, or the crossing picked from the candidates. */
    PlateReadDto correct(Actor actor, long readId, PlateCorrectionRequest request) {
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
