package vn.bordergate.server.service;

import java.time.Clock;
import java.util.List;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.OverstayAlertDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.Transactions;

/** What officers look up about crossings: the queue with filters, and vehicles past their dwell limit. */
public final class CrossingQueries {
    private final Transactions tx;
    private final Clock clock;

    public CrossingQueries(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Crossings, priority and perishable first, then by expected arrival; optionally by status or open step. */
    public List<CrossingDto> list(CrossingStatus status, Step pendingStep, int limit) {
        return tx.read(session -> {
            StringBuilder hql = new StringBuilder("select c from CrossingEntity c join fetch c.declaration d"
                    + " join fetch d.enterprise join fetch d.driver where 1 = 1");
            if (status != null) {
                hql.append(" and c.status = :status");
            }
            if (pendingStep != null) {
                // open: pending or held, and a step without a row is pending (CrossingSteps)
                hql.append(" and not exists (select 1 from CrossingStepEntity s where s.crossing = c"
                        + " and s.step = :step and s.state not in (:open))");
            }
            hql.append(" order by c.priority desc, c.perishable desc, c.expectedArrival, c.id");
            var query = session.createSelectionQuery(hql.toString(), CrossingEntity.class)
                    .setMaxResults(limit);
            if (status != null) {
                query.setParameter("status", status);
            }
            if (pendingStep != null) {
                query.setParameter("step", pendingStep);
                query.setParameter("open", List.of(StepState.PENDING, StepState.HELD));
            }
            return DtoMapping.crossings(session, query.getResultList());
        });
    }

    public List<OverstayAlertDto> overstays() {
        var now = clock.instant();
        return tx.read(session -> session
                .createSelectionQuery(
                        "select c from CrossingEntity c join fetch c.declaration d join fetch d.enterprise"
                                + " where c.status = :released and c.returnedAt is null and c.returnDeadline < :now"
                                + " order by c.returnDeadline",
                        CrossingEntity.class)
                .setParameter("released", CrossingStatus.RELEASED)
                .setParameter("now", now)
                .getResultList()
                .stream()
                .map(c -> new OverstayAlertDto(
                        c.getId(),
                        DtoMapping.plate(c.getTractorPlate()),
                        c.getDeclaration().getEnterprise().getName(),
                        c.getReleasedAt(),
                        c.getReturnDeadline(),
                        java.time.Duration.between(c.getReturnDeadline(), now).toHours()))
                .toList());
    }
}
