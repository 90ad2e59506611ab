package vn.bordergate.server.service;

import java.time.Clock;
import java.util.List;
import vn.bordergate.common.dto.FeeDto;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.FeeEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/** Fees charged to crossings; a fee with a receipt number is paid. */
public final class FeeService {
    private final Transactions tx;
    private final RequestValidator validator;
    private final AuditLog audit;
    private final Clock clock;

    public FeeService(Transactions tx, RequestValidator validator, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    public FeeDto add(Actor actor, long crossingId, FeeRequest request) {
        validator.check(request);
        CrossingService.requireAgency(actor, Agency.FEE_COLLECTION, "charge fees");
        return tx.write(session -> {
            if (session.find(CrossingEntity.class, crossingId) == null) {
                throw GateException.notFound("crossing " + crossingId);
            }
            boolean paid =
                    request.receiptNumber() != null && !request.receiptNumber().isBlank();
            FeeEntity f = new FeeEntity();
            f.setCrossingId(crossingId);
            f.setKind(request.kind());
            f.setAmountVnd(request.amountVnd());
            f.setPaid(paid);
            f.setReceiptNumber(paid ? request.receiptNumber().strip() : null);
            f.setPaidAt(paid ? clock.instant() : null);
            f.setOfficer(actor.username());
            session.persist(f);
            audit.append(
                    session,
                    actor,
                    paid ? "FEE_PAID" : "FEE_CHARGED",
                    "crossing",
                    crossingId,
                    request.kind() + " " + request.amountVnd() + " VND"
                            + (paid ? " receipt " + f.getReceiptNumber() : ""));
            return DtoMapping.fee(f);
        });
    }

    public List<FeeDto> list(long crossingId) {
        return tx.read(session -> session
                .createSelectionQuery("from FeeEntity where crossingId = :c order by id", FeeEntity.class)
                .setParameter("c", crossingId)
                .getResultList()
                .stream()
                .map(DtoMapping::fee)
                .toList());
    }
}
