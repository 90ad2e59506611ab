package vn.bordergate.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;
import vn.bordergate.server.persistence.DeclarationEntity;
import vn.bordergate.server.persistence.EnterpriseEntity;
import vn.bordergate.server.persistence.GoodsLineEntity;
import vn.bordergate.server.persistence.PendingInsert;

/**
 * A new declaration written into a session: the declaration, its goods, its crossing and steps, and its audit
 * entry. The same for a submission written in a batch and one written alone.
 */
public final class DeclarationOpening {
    private static final String CODE_STAND_IN = "BG-?";

    private final DeclarationRecords records;
    private final DeclaredCrossings crossings;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Long, EnterpriseEntity> enterprises = new ConcurrentHashMap<>();

    public DeclarationOpening(DeclarationRecords records, DeclaredCrossings crossings, AuditLog audit, Clock clock) {
        this.records = records;
        this.crossings = crossings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What opening a declaration wrote; its DTOs are taken once the session was flushed. A class, not a record:
     * a record's accessors would hand its entities to any caller in the package.
     */
    static final class Opened {
        private final DeclarationEntity declaration;
        private final List<GoodsLineEntity> goods;
        private final CrossingEntity crossing;
        private final List<CrossingStepEntity> steps;

        private Opened(
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
     * Writes a new declaration, its goods, crossing, steps and audit entry into the session (not flushed).
     * {@code known}: the batch's vehicles and drivers, or null to ask the database for them.
     */
    Opened open(Session session, Submission s, EnterpriseEntity enterprise, DeclarationRecords.Known known) {
        DeclarationRequest request = s.request();
        DeclaredVehicles vehicles = s.vehicles();
        DeclarationEntity d = new DeclarationEntity();
        d.setEnterprise(enterprise);
        d.setRevision(1);
        d.setSubmittedBy(s.actor().username());
        // the real code is made from the id, known only once persisted: a stand-in (the column is not null) that
        // the queued insert never writes
        d.setCode(CODE_STAND_IN);
        records.fill(session, d, request, vehicles.tractor(), vehicles.trailer(), clock.instant(), known);
        session.persist(d);
        PendingInsert.set(session, d, "code", code(d.getId()));
        List<GoodsLineEntity> goods = records.writeGoods(session, d, true, request.goods());
        List<CrossingStepEntity> steps = new ArrayList<>();
        CrossingEntity c = crossings.open(session, d, request, vehicles, steps);
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
     * A declaration's code, {@code BG-} and its id in at least 8 digits (as {@code String.format("BG-%08d", id)}, which
     * parsed its pattern for every declaration: a few per cent of the writer's samples, JFR, branch declcpu).
     */
    static String code(long id) {
        String digits = Long.toString(id);
        return digits.length() >= 8 ? "BG-" + digits : "BG-" + "00000000".substring(digits.length()) + digits;
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
}
