package vn.bordergate.server.service;

import java.util.List;
import vn.bordergate.common.dto.EnterpriseDto;
import vn.bordergate.common.dto.NewEnterpriseRequest;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.persistence.EnterpriseEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/** Enterprises known to the gate. */
public final class EnterpriseService {
    private final Transactions tx;
    private final RequestValidator validator;
    private final AuditLog audit;

    public EnterpriseService(Transactions tx, RequestValidator validator, AuditLog audit) {
        this.tx = tx;
        this.validator = validator;
        this.audit = audit;
    }

    public List<EnterpriseDto> list() {
        return tx.read(
                session -> session
                        .createSelectionQuery("from EnterpriseEntity order by name", EnterpriseEntity.class)
                        .getResultList()
                        .stream()
                        .map(DtoMapping::enterprise)
                        .toList());
    }

    public EnterpriseDto get(Actor actor, long id) {
        if (actor.role() == Role.ENTERPRISE && (actor.enterpriseId() == null || actor.enterpriseId() != id)) {
            throw GateException.forbidden("an enterprise sees only itself");
        }
        return tx.read(session -> {
            EnterpriseEntity e = session.find(EnterpriseEntity.class, id);
            if (e == null) {
                throw GateException.notFound("enterprise " + id);
            }
            return DtoMapping.enterprise(e);
        });
    }

    public EnterpriseDto create(Actor actor, NewEnterpriseRequest request) {
        validator.check(request);
        return tx.write(session -> {
            boolean taken = !session.createSelectionQuery(
                            "from EnterpriseEntity where taxCode = :t", EnterpriseEntity.class)
                    .setParameter("t", request.taxCode())
                    .getResultList()
                    .isEmpty();
            if (taken) {
                throw GateException.conflict("an enterprise with tax code " + request.taxCode() + " exists already");
            }
            EnterpriseEntity e = new EnterpriseEntity();
            e.setTaxCode(request.taxCode());
            e.setName(request.name().strip());
            e.setCountry(request.country());
            e.setContactName(request.contactName());
            e.setContactPhone(request.contactPhone());
            e.setContactEmail(request.contactEmail());
            session.persist(e);
            audit.append(
                    session, actor, "ENTERPRISE_CREATED", "enterprise", e.getId(), e.getTaxCode() + " " + e.getName());
            return DtoMapping.enterprise(e);
        });
    }
}
