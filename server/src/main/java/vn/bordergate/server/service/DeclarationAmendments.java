package vn.bordergate.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;
import vn.bordergate.server.persistence.DeclarationEntity;
import vn.bordergate.server.persistence.GoodsLineEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * Changes an enterprise makes to its own declaration before the vehicle arrives: a correction (of one not
 * yet accepted, or rejected) is resubmitted and starts its steps again; a trip may be cancelled.
 */
public final class DeclarationAmendments {
    private static final Set<CrossingStatus> EDITABLE =
            Set.of(CrossingStatus.DECLARED, CrossingStatus.DECLARATION_REJECTED);
    private static final Set<CrossingStatus> CANCELLABLE =
            Set.of(CrossingStatus.DECLARED, CrossingStatus.DECLARATION_REJECTED, CrossingStatus.EN_ROUTE);

    private final Transactions tx;
    private final DeclarationTransactions guarded;
    private final DeclarationCheck check;
    private final DeclarationRecords records;
    private final DeclaredCrossings crossings;
    private final AuditLog audit;
    private final DeclarationAnnouncements announcements;
    private final Clock clock;

    public DeclarationAmendments(
            Transactions tx,
            DeclarationTransactions guarded,
            DeclarationCheck check,
            DeclarationRecords records,
            DeclaredCrossings crossings,
            AuditLog audit,
            DeclarationAnnouncements announcements,
            Clock clock) {
        this.tx = tx;
        this.guarded = guarded;
        this.check = check;
        this.records = records;
        this.crossings = crossings;
        this.audit = audit;
        this.announcements = announcements;
        this.clock = clock;
    }

    DeclarationDto resubmit(Actor actor, long id, DeclarationRequest request) {
        DeclaredVehicles vehicles = check.correction(request);
        AtomicReference<CrossingDto> written = new AtomicReference<>();
        DeclarationDto result = guarded.write(written, session -> {
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
            OpenTripCheck.check(session, vehicles, c.getId());
            records.fill(session, d, request, vehicles.tractor(), vehicles.trailer(), clock.instant());
            d.setRevision(d.getRevision() + 1);
            List<GoodsLineEntity> goods = records.writeGoods(session, d, false, request.goods());
            List<CrossingStepEntity> steps = new ArrayList<>();
            crossings.redeclare(session, c, request, vehicles, steps);
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
        announcements.tell(written.get());
        announcements.queueChanged();
        return result;
    }

    DeclarationDto cancel(Actor actor, long id) {
        AtomicReference<CrossingDto> written = new AtomicReference<>();
        DeclarationDto result = tx.write(session -> {
            DeclarationEntity d = records.ownDeclaration(session, actor, id);
            CrossingEntity c = records.crossingOf(session, d);
            if (!CANCELLABLE.contains(c.getStatus())) {
                throw GateException.conflict("declaration " + d.getCode() + " is " + c.getStatus()
                        + ": a trip can only be cancelled before the vehicle arrives");
            }
            crossings.touch(c, CrossingStatus.CANCELLED);
            audit.append(session, actor, "DECLARATION_CANCELLED", "declaration", d.getId(), d.getCode());
            session.flush();
            written.set(DtoMapping.crossing(
                    c, List.copyOf(records.stepsOf(session, c).values())));
            return DtoMapping.declaration(d, records.goodsOf(session, d), c);
        });
        announcements.publish(written.get());
        announcements.queueChanged();
        return result;
    }
}
