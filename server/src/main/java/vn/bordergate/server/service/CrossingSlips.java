package vn.bordergate.server.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.Session;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.server.documents.slip.CrossingSlip;
import vn.bordergate.server.documents.slip.CrossingSlipDocument;
import vn.bordergate.server.documents.slip.SlipGoodsLine;
import vn.bordergate.server.documents.slip.SlipStamp;
import vn.bordergate.server.documents.slip.SlipWords;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.DeclarationEntity;
import vn.bordergate.server.persistence.GoodsLineEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.persistence.UserAccountEntity;
import vn.bordergate.server.persistence.WeighingEntity;
import vn.bordergate.server.security.Actor;

/**
 * Crossing slips: a crossing's vehicle, goods and every agency's stamp as of now, printed as PDF.
 * Each print is written to the audit log, since a printed slip travels with the truck.
 */
public final class CrossingSlips {
    /** The gate's own clock: officers and drivers read local time on paper. */
    private static final ZoneId GATE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(GATE_ZONE);

    private final Transactions tx;
    private final DeclarationRecords records;
    private final AuditLog audit;
    private final CrossingSlipDocument document;
    private final String gateName;
    private final Clock clock;

    public CrossingSlips(
            Transactions tx,
            DeclarationRecords records,
            AuditLog audit,
            CrossingSlipDocument document,
            String gateName,
            Clock clock) {
        this.tx = tx;
        this.records = records;
        this.audit = audit;
        this.document = document;
        this.gateName = gateName;
        this.clock = clock;
    }

    /** Gets the slip template compiled, so the first officer to print does not wait for it. */
    public void prepare() {
        document.prepare();
    }

    public byte[] pdf(Actor actor, long crossingId) {
        CrossingSlip slip = tx.read(session -> slip(session, actor, crossingId));
        byte[] pdf = document.pdf(slip);
        tx.write(session -> {
            audit.append(
                    session,
                    actor,
                    "SLIP_PRINTED",
                    "crossing",
                    crossingId,
                    slip.declarationCode() + " " + slip.tractorPlate());
            return null;
        });
        return pdf;
    }

    private CrossingSlip slip(Session session, Actor actor, long crossingId) {
        CrossingEntity c = session.find(CrossingEntity.class, crossingId);
        if (c == null) {
            throw GateException.notFound("crossing " + crossingId);
        }
        CrossingDto crossing = records.crossingDto(session, crossingId);
        DeclarationEntity d = c.getDeclaration();
        List<SlipGoodsLine> goods = records.goodsOf(session, d).stream()
                .sorted(Comparator.comparingInt(GoodsLineEntity::getLineNo))
                .map(g -> new SlipGoodsLine(
                        g.getLineNo(),
                        g.getHsCode(),
                        g.getDescription(),
                        g.getQuantity(),
                        g.getUnit(),
                        g.getGrossWeightKg()))
                .toList();
        WeighingEntity weighing = session.createSelectionQuery(
                        "from WeighingEntity where crossingId = :c order by weighedAt desc, id desc",
                        WeighingEntity.class)
                .setParameter("c", crossingId)
                .setMaxResults(1)
                .uniqueResult();
        Map<String, String> names = displayNames(session, crossing, actor, weighing);
        var driver = d.getDriver();
        return new CrossingSlip(
                gateName,
                crossing.id(),
                crossing.declarationCode(),
                SlipWords.of(crossing.direction()),
                SlipWords.of(crossing.status()),
                crossing.tractorPlate(),
                crossing.trailerPlate(),
                crossing.enterpriseName(),
                d.getEnterprise().getTaxCode(),
                driver.getFullName(),
                driver.getDocumentNumber() + " (" + driver.getNationality() + ")",
                weighing == null ? crossing.grossWeightKg() : weighing.getGrossKg(),
                weighing == null
                        ? null
                        : "Cân " + weighing.getScaleCode() + " · " + time(weighing.getWeighedAt()) + " · "
                                + names.getOrDefault(weighing.getOfficer(), weighing.getOfficer()),
                goods.stream().map(SlipGoodsLine::grossWeightKg).reduce(BigDecimal.ZERO, BigDecimal::add),
                goods,
                crossing.steps().stream()
                        .sorted(Comparator.comparingInt(StepStatusDto::number))
                        .map(s -> stamp(s, names))
                        .toList(),
                time(clock.instant()) + " (GMT+7)",
                names.getOrDefault(actor.username(), actor.username()) + " (" + actor.username() + ")");
    }

    private static SlipStamp stamp(StepStatusDto s, Map<String, String> names) {
        return new SlipStamp(
                s.number(),
                SlipWords.of(s.step()).vi(),
                SlipWords.of(s.step()).en(),
                SlipWords.of(s.agency()).vi(),
                SlipWords.of(s.agency()).en(),
                s.state().name(),
                SlipWords.of(s.state()).vi(),
                SlipWords.of(s.state()).en(),
                s.officer() == null ? null : names.getOrDefault(s.officer(), s.officer()),
                s.stationCode(),
                s.decidedAt() == null ? null : time(s.decidedAt()),
                s.reason());
    }

    /** Officers sign with their names, not their log-ins. */
    private static Map<String, String> displayNames(
            Session session, CrossingDto crossing, Actor actor, WeighingEntity weighing) {
        Set<String> usernames = new HashSet<>();
        usernames.add(actor.username());
        crossing.steps().stream()
                .map(StepStatusDto::officer)
                .filter(o -> o != null)
                .forEach(usernames::add);
        if (weighing != null && weighing.getOfficer() != null) {
            usernames.add(weighing.getOfficer());
        }
        return session
                .createSelectionQuery("from UserAccountEntity where username in :names", UserAccountEntity.class)
                .setParameter("names", usernames)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(UserAccountEntity::getUsername, UserAccountEntity::getDisplayName));
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
