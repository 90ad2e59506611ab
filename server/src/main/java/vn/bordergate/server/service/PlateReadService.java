package vn.bordergate.server.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.CameraEntity;
import vn.bordergate.server.persistence.PlateReadEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * Plate reads posted by lane cameras. A read whose plate is exactly an open trip's tractor or trailer
 * plate is matched to that crossing; anything else needs an officer. (Look-alike-aware matching and
 * advancing vehicle control come with the plate pipeline.)
 */
public final class PlateReadService {
    private final Transactions tx;
    private final RequestValidator validator;
    private final EventPublisher events;
    private final Clock clock;

    public PlateReadService(Transactions tx, RequestValidator validator, EventPublisher events, Clock clock) {
        this.tx = tx;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    public PlateReadDto record(Actor actor, NewPlateReadRequest request) {
        validator.check(request);
        if (actor.role() != Role.CAMERA && !actor.isOfficerOf(Agency.GATE_MANAGEMENT)) {
            throw GateException.forbidden("only lane cameras and gate management officers post plate reads");
        }
        Optional<Plate> plate = PlateParser.tryParse(request.text());
        PlateReadDto read = tx.write(session -> {
            CameraEntity camera = session.createSelectionQuery("from CameraEntity where code = :c", CameraEntity.class)
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
            r.setMatchStatus(MatchStatus.NEEDS_OFFICER);
            plate.ifPresent(p -> {
                r.setPlate(p.normalized());
                r.setCountry(p.country());
                List<Long> open = session.createSelectionQuery(
                                "select c.id from CrossingEntity c where c.openTractorKey = :p or c.openTrailerKey = :p",
                                Long.class)
                        .setParameter("p", p.normalized())
                        .getResultList();
                if (open.size() == 1) {
                    r.setCrossingId(open.get(0));
                    r.setMatchStatus(MatchStatus.MATCHED);
                }
            });
            session.persist(r);
            return DtoMapping.plateRead(r);
        });
        events.publish(new PlateReadEvent(read));
        return read;
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
}
