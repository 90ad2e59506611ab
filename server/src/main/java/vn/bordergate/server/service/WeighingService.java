package vn.bordergate.server.service;

import java.time.Clock;
import java.util.List;
import vn.bordergate.common.dto.WeighingDto;
import vn.bordergate.common.dto.WeighingRequest;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.persistence.WeighingEntity;
import vn.bordergate.server.security.Actor;

/** Scale weighings at vehicle control; the latest weighing is the crossing's gross weight. */
public final class WeighingService {
    private final Transactions tx;
    private final RequestValidator validator;
    private final AuditLog audit;
    private final Clock clock;

    public WeighingService(Transactions tx, RequestValidator validator, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    public WeighingDto add(Actor actor, long crossingId, WeighingRequest request) {
        validator.check(request);
        CrossingService.requireAgency(actor, Agency.GATE_MANAGEMENT, "record weighings");
        return tx.write(session -> {
            CrossingEntity c = session.find(CrossingEntity.class, crossingId);
            if (c == null) {
                throw GateException.notFound("crossing " + crossingId);
            }
            if (!c.getStatus().isOpen()) {
                throw GateException.conflict("crossing " + crossingId + " is " + c.getStatus());
            }
            WeighingEntity w = new WeighingEntity();
            w.setCrossingId(crossingId);
            w.setGrossKg(request.grossKg());
            w.setScaleCode(request.scaleCode());
            w.setWeighedAt(clock.instant());
            w.setOfficer(actor.username());
            session.persist(w);
            c.setGrossWeightKg(request.grossKg());
            audit.append(session, actor, "WEIGHED", "crossing", crossingId, request.grossKg() + " kg");
            return DtoMapping.weighing(w);
        });
    }

    public List<WeighingDto> list(long crossingId) {
        return tx.read(session -> session
                .createSelectionQuery(
                        "from WeighingEntity where crossingId = :c order by weighedAt", WeighingEntity.class)
                .setParameter("c", crossingId)
                .getResultList()
                .stream()
                .map(DtoMapping::weighing)
                .toList());
    }
}
