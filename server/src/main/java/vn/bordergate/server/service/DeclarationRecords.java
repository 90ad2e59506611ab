package vn.bordergate.server.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;
import vn.bordergate.server.persistence.DeclarationEntity;
import vn.bordergate.server.persistence.DriverEntity;
import vn.bordergate.server.persistence.GoodsLineEntity;
import vn.bordergate.server.persistence.VehicleEntity;
import vn.bordergate.server.security.Actor;

/** Reading and writing declarations, their goods, vehicles and drivers, with who may see what. */
public final class DeclarationRecords {
    /** HS chapters of goods that spoil: meat, fish, vegetables, fruit. */
    private static final Set<String> PERISHABLE_CHAPTERS = Set.of("02", "03", "07", "08");

    /**
     * Vehicles and drivers of a batch of declarations, read with one query each; those the batch creates
     * are added, so each distinct one is read or created once per batch.
     */
    static final class Known {
        private final Map<String, VehicleEntity> vehicles = new HashMap<>();
        private final Map<String, DriverEntity> drivers = new HashMap<>();

        Known(Session session, Collection<String> plates, Collection<String> documents) {
            if (!plates.isEmpty()) {
                InListParameters.bind(
                                session.createSelectionQuery(
                                        "from VehicleEntity where plate in (" + InListParameters.in("p", plates.size())
                                                + ")",
                                        VehicleEntity.class),
                                "p",
                                plates)
                        .getResultList()
                        .forEach(v -> vehicles.put(v.getPlate(), v));
            }
            if (!documents.isEmpty()) {
                InListParameters.bind(
                                session.createSelectionQuery(
                                        "from DriverEntity where documentNumber in ("
                                                + InListParameters.in("d", documents.size()) + ")",
                                        DriverEntity.class),
                                "d",
                                documents)
                        .getResultList()
                        .forEach(d -> drivers.put(driverKey(d.getDocumentNumber(), d.getNationality()), d));
            }
        }

        private static String driverKey(String document, String nationality) {
            return document + "\u001f" + nationality;
        }
    }

    /** The driver's document number as stored. */
    static String document(DeclarationRequest r) {
        return r.driver().documentNumber().strip().toUpperCase();
    }

    void fill(Session session, DeclarationEntity d, DeclarationRequest r, Plate tractor, Plate trailer, Instant now) {
        fill(session, d, r, tractor, trailer, now, null);
    }

    /** As {@link #fill(Session, DeclarationEntity, DeclarationRequest, Plate, Plate, Instant)}; {@code known}: null to ask the database. */
    void fill(
            Session session,
            DeclarationEntity d,
            DeclarationRequest r,
            Plate tractor,
            Plate trailer,
            Instant now,
            Known known) {
        d.setDirection(r.direction());
        d.setTractor(vehicle(session, tractor, r, known));
        d.setTrailer(trailer == null ? null : vehicle(session, trailer, r, known));
        d.setVehicleType(r.vehicleType());
        d.setDriver(driver(session, r, known));
        d.setExpectedArrival(r.expectedArrival());
        d.setTwoWayTransport(r.twoWayTransport());
        d.setMedTemperature(r.medical() == null ? null : r.medical().temperatureC());
        d.setMedSymptoms(r.medical() != null && r.medical().symptoms());
        d.setMedNotes(r.medical() == null ? null : r.medical().notes());
        d.setSubmittedAt(now);
    }

    /** The declaration's goods lines; a new declaration has none yet, so nothing is asked of the database. */
    List<GoodsLineEntity> writeGoods(Session session, DeclarationEntity d, boolean fresh, List<GoodsLineDto> lines) {
        if (!fresh) {
            goodsOf(session, d).forEach(session::remove);
        }
        List<GoodsLineEntity> goods = new ArrayList<>();
        int lineNo = 1;
        for (GoodsLineDto line : lines) {
            GoodsLineEntity g = new GoodsLineEntity();
            g.setDeclaration(d);
            g.setLineNo(lineNo++);
            g.setHsCode(line.hsCode());
            g.setDescription(line.description().strip());
            g.setQuantity(line.quantity());
            g.setUnit(line.unit().strip());
            g.setGrossWeightKg(line.grossWeightKg());
            g.setQuarantine(line.quarantine());
            session.persist(g);
            goods.add(g);
        }
        return goods;
    }

    boolean perishable(List<GoodsLineDto> goods) {
        return goods.stream()
                .anyMatch(g -> PERISHABLE_CHAPTERS.contains(g.hsCode().substring(0, 2)));
    }

    List<GoodsLineEntity> goodsOf(Session session, DeclarationEntity d) {
        return session.createSelectionQuery("from GoodsLineEntity where declaration = :d", GoodsLineEntity.class)
                .setParameter("d", d)
                .getResultList();
    }

    CrossingEntity crossingOf(Session session, DeclarationEntity d) {
        return session.createSelectionQuery("from CrossingEntity where declaration = :d", CrossingEntity.class)
                .setParameter("d", d)
                .getSingleResult();
    }

    /**
     * Every step of the crossing: its stored row, or a new pending one, not persisted ({@link CrossingSteps}:
     * the caller persists it when it records something on it).
     */
    Map<Step, CrossingStepEntity> stepsOf(Session session, CrossingEntity c) {
        return CrossingSteps.all(c, storedStepsOf(session, c));
    }

    /** The crossing's stored steps only (those with something recorded). */
    List<CrossingStepEntity> storedStepsOf(Session session, CrossingEntity c) {
        return session.createSelectionQuery("from CrossingStepEntity where crossing = :c", CrossingStepEntity.class)
                .setParameter("c", c)
                .getResultList();
    }

    CrossingDto crossingDto(Session session, long crossingId) {
        CrossingEntity c = session.find(CrossingEntity.class, crossingId);
        return DtoMapping.crossing(c, storedStepsOf(session, c));
    }

    /** A declaration the actor may read: officers read all, an enterprise only its own. */
    DeclarationEntity visibleDeclaration(Session session, Actor actor, long id) {
        DeclarationEntity d = session.find(DeclarationEntity.class, id);
        if (d == null) {
            throw GateException.notFound("declaration " + id);
        }
        if (actor.role() == Role.ENTERPRISE && !d.getEnterprise().getId().equals(actor.enterpriseId())) {
            throw GateException.forbidden("declaration " + id + " belongs to another enterprise");
        }
        if (actor.role() == Role.CAMERA) {
            throw GateException.forbidden("cameras do not read declarations");
        }
        return d;
    }

    /** A declaration the actor may change: only the enterprise that made it. */
    DeclarationEntity ownDeclaration(Session session, Actor actor, long id) {
        if (actor.role() != Role.ENTERPRISE) {
            throw GateException.forbidden("only the declaring enterprise changes its declaration");
        }
        return visibleDeclaration(session, actor, id);
    }

    List<DeclarationDto> list(Session session, Actor actor, CrossingStatus status, int limit) {
        StringBuilder hql = new StringBuilder(
                "select c from CrossingEntity c join fetch c.declaration d"
                        + " join fetch d.enterprise join fetch d.driver join fetch d.tractor left join fetch d.trailer where 1 = 1");
        if (actor.role() == Role.ENTERPRISE) {
            hql.append(" and d.enterprise.id = :enterprise");
        }
        if (status != null) {
            hql.append(" and c.status = :status");
        }
        hql.append(" order by d.submittedAt desc, d.id desc");
        var query = session.createSelectionQuery(hql.toString(), CrossingEntity.class)
                .setMaxResults(limit);
        if (actor.role() == Role.ENTERPRISE) {
            query.setParameter("enterprise", actor.enterpriseId());
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        List<CrossingEntity> crossings = query.getResultList();
        if (crossings.isEmpty()) {
            return List.of();
        }
        Map<Long, List<GoodsLineEntity>> goods = session
                .createSelectionQuery("from GoodsLineEntity where declaration in :ds", GoodsLineEntity.class)
                .setParameter(
                        "ds",
                        crossings.stream().map(CrossingEntity::getDeclaration).toList())
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(g -> g.getDeclaration().getId()));
        return crossings.stream()
                .map(c -> DtoMapping.declaration(
                        c.getDeclaration(),
                        goods.getOrDefault(c.getDeclaration().getId(), List.of()),
                        c))
                .toList();
    }

    private static VehicleEntity vehicle(Session session, Plate plate, DeclarationRequest r, Known known) {
        VehicleEntity v = known != null
                ? known.vehicles.get(plate.normalized())
                : session.createSelectionQuery("from VehicleEntity where plate = :p", VehicleEntity.class)
                        .setParameter("p", plate.normalized())
                        .uniqueResult();
        boolean isNew = v == null;
        if (isNew) {
            v = new VehicleEntity();
            v.setPlate(plate.normalized());
        }
        // Hibernate captures an insert's values at persist time: fill every column first
        v.setCountry(plate.country());
        v.setPlateKind(plate.kind());
        if (!plate.kind().isTrailer()) {
            v.setVehicleType(r.vehicleType());
        }
        if (isNew) {
            session.persist(v);
            if (known != null) {
                known.vehicles.put(v.getPlate(), v);
            }
        }
        return v;
    }

    private static DriverEntity driver(Session session, DeclarationRequest r, Known known) {
        var given = r.driver();
        String document = document(r);
        DriverEntity driver = known != null
                ? known.drivers.get(Known.driverKey(document, given.nationality()))
                : session.createSelectionQuery(
                                "from DriverEntity where documentNumber = :doc and nationality = :nat",
                                DriverEntity.class)
                        .setParameter("doc", document)
                        .setParameter("nat", given.nationality())
                        .uniqueResult();
        boolean isNew = driver == null;
        if (isNew) {
            driver = new DriverEntity();
            driver.setDocumentNumber(document);
            driver.setNationality(given.nationality());
        }
        driver.setFullName(given.fullName().strip());
        driver.setPhone(given.phone());
        if (isNew) {
            session.persist(driver);
            if (known != null) {
                known.drivers.put(Known.driverKey(document, given.nationality()), driver);
            }
        }
        return driver;
    }
}
