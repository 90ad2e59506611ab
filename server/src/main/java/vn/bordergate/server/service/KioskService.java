package vn.bordergate.server.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.common.dto.KioskQueueDto;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.YardDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.documents.DocumentRenderer;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.KioskCheckInEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * The yard kiosk: a driver finds one crossing (by plate, declaration code or QR code), checks it in
 * and gets a queue number, a yard and a place in the queue. Answers carry no personal data (see
 * {@link KioskCrossingDto}), and the kiosk sees only crossings expected around now or checked in.
 */
public final class KioskService {
    private static final Logger LOG = LoggerFactory.getLogger(KioskService.class);
    /** Check-in opens this long before the expected arrival... */
    static final Duration EARLY = Duration.ofHours(12);
    /** ...and stays open this long after it (a truck stuck on National Highway 1A overnight). */
    static final Duration LATE = Duration.ofHours(24);

    static final ZoneId GATE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM HH:mm", Locale.ROOT).withZone(GATE_ZONE);

    private final Transactions tx;
    private final CrossingService crossings;
    private final ReferenceData reference;
    private final KioskQueue queue;
    private final QueueWatch queueWatch;
    private final AuditLog audit;
    private final Clock clock;
    private final KioskPlateSearch plates = new KioskPlateSearch();
    private final KioskTickets tickets;

    public KioskService(
            Transactions tx,
            CrossingService crossings,
            ReferenceData reference,
            QueueWatch queueWatch,
            AuditLog audit,
            Clock clock,
            DocumentRenderer documents) {
        this.tx = tx;
        this.crossings = crossings;
        this.reference = reference;
        this.queue = new KioskQueue();
        this.queueWatch = queueWatch;
        this.audit = audit;
        this.clock = clock;
        this.tickets = new KioskTickets(documents);
    }

    /** The QR payload a queue ticket carries for its crossing. */
    public static String qrPayload(long crossingId) {
        return "BORDERGATE:CROSSING:" + crossingId;
    }

    /** Exactly one of plate, declaration code or QR payload; 404 when no crossing fits. */
    public KioskCrossingDto find(String plate, String code, String qr) {
        int given = (blank(plate) ? 0 : 1) + (blank(code) ? 0 : 1) + (blank(qr) ? 0 : 1);
        if (given != 1) {
            throw GateException.invalid("give exactly one of plate, code or qr");
        }
        return tx.read(session -> {
            long id;
            if (!blank(plate)) {
                Instant now = clock.instant();
                id = plates.find(session, plate, now.minus(LATE), now.plus(EARLY))
                        .orElseThrow(
                                () -> GateException.notFound("a crossing expected today for plate " + shorten(plate)));
            } else if (!blank(code)) {
                id = KioskCodeSearch.byCode(session, code.strip());
            } else {
                id = KioskCodeSearch.byQr(session, qr.strip());
            }
            return view(session, session.find(CrossingEntity.class, id));
        });
    }

    /** The crossing again (its place in the queue moves): only one expected around now or checked in. */
    public KioskCrossingDto get(long id) {
        return tx.read(session -> {
            CrossingEntity c = session.find(CrossingEntity.class, id);
            if (c == null || (queue.checkIn(session, id) == null && !inWindow(c))) {
                throw GateException.notFound("a crossing " + id + " expected today");
            }
            return view(session, c);
        });
    }

    /**
     * Checks a crossing in: its arrival (step 2) passes in the kiosk's name when still pending, and it
     * gets the next queue number of the gate day and the yard with the most room. Checking in again
     * answers the first check-in.
     */
    public synchronized KioskCrossingDto checkIn(Actor kiosk, long id) {
        CrossingDto crossing = crossings.get(id);
        boolean already = tx.read(session -> queue.checkIn(session, id) != null);
        if (!already) {
            tx.read(session -> {
                refuseUnlessCheckable(crossings.find(session, id));
                return null;
            });
            arrive(kiosk, crossing);
            YardDto yard = roomiest(reference.yards());
            tx.write(session -> {
                CrossingEntity c = crossings.find(session, id);
                LocalDate day = LocalDate.ofInstant(clock.instant(), GATE_ZONE);
                KioskCheckInEntity checkIn = new KioskCheckInEntity();
                checkIn.setCrossingId(id);
                checkIn.setQueueDay(day);
                checkIn.setQueueNumber(queue.nextNumber(session, day));
                checkIn.setYardCode(yard.code());
                checkIn.setCheckedInAt(clock.instant());
                checkIn.setKiosk(kiosk.username());
                session.persist(checkIn);
                c.setYardCode(yard.code());
                c.setUpdatedAt(clock.instant());
                audit.append(
                        session,
                        kiosk,
                        "KIOSK_CHECK_IN",
                        "crossing",
                        id,
                        "queue number " + checkIn.getQueueNumber() + ", " + yard.code());
                return null;
            });
            queueWatch.changed();
        }
        return get(id);
    }

    /** The queue ticket as PDF: only for a checked-in crossing. */
    public byte[] ticket(long id) {
        KioskCrossingDto crossing = get(id);
        if (crossing.queue() == null) {
            throw GateException.conflict("crossing " + id + " is not checked in: check in first, then print");
        }
        return tickets.pdf(crossing);
    }

    /** Renders a sample ticket and throws it away, so the first real one is quick. */
    public void warmUpTickets() {
        long started = System.nanoTime();
        try {
            tickets.pdf(new KioskCrossingDto(
                    0,
                    "BG-00000000",
                    "29C-000.00",
                    null,
                    "BorderGate",
                    null,
                    CrossingStatus.IN_PROGRESS,
                    clock.instant(),
                    new KioskQueueDto(1, clock.instant(), "YARD", "Bãi", 1, null)));
            LOG.info("queue ticket template ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("queue ticket template not ready: {}", e.getMessage());
        }
    }

    private void refuseUnlessCheckable(CrossingEntity c) {
        String code = c.getDeclaration().getCode();
        String why =
                switch (c.getStatus()) {
                    case DECLARED -> "declaration " + code + " is not accepted by customs yet";
                    case DECLARATION_REJECTED -> "declaration " + code
                            + " was rejected by customs: the enterprise must correct it first";
                    case CANCELLED -> "declaration " + code + " was cancelled by the enterprise";
                    case RELEASED -> "crossing " + c.getId() + " was already released across the border at "
                            + WHEN.format(c.getReleasedAt());
                    case TURNED_BACK -> "crossing " + c.getId() + " was turned back";
                    default -> null;
                };
        if (why == null && !inWindow(c)) {
            why = c.getExpectedArrival().isAfter(clock.instant())
                    ? "crossing " + c.getId() + " is expected on " + WHEN.format(c.getExpectedArrival())
                            + ", not today: check-in opens " + EARLY.toHours() + " h before"
                    : "crossing " + c.getId() + " was expected on " + WHEN.format(c.getExpectedArrival())
                            + ", more than " + LATE.toHours() + " h ago: ask the gate office";
        }
        if (why != null) {
            throw GateException.conflict(why);
        }
    }

    /** The driver stands in the yard: arrival (step 2) passes if it waits, as a lane camera would pass it. */
    private void arrive(Actor kiosk, CrossingDto crossing) {
        boolean pending =
                crossing.steps().stream().anyMatch(s -> s.step() == Step.TRANSPORT && s.state() == StepState.PENDING);
        if (!pending) {
            return;
        }
        Actor gate = new Actor(
                kiosk.userId(), "kiosk:" + kiosk.username(), Role.OFFICER, Agency.GATE_MANAGEMENT, null, null);
        try {
            crossings.decide(
                    gate, crossing.id(), Step.TRANSPORT, new StepDecisionRequest(Outcome.PASS, null, null), null);
        } catch (GateException refused) {
            if (refused.kind() == GateException.Kind.UNAVAILABLE) {
                // a lock wait or a full disk, not a refusal: the arrival was not recorded, so neither is the
                // check-in; the kiosk is told 503 and the driver tries again
                throw refused;
            }
            // a hold or an open declaration step: the officers settle it, the vehicle still takes its place
            LOG.info("arrival of crossing {} not passed at check-in: {}", crossing.id(), refused.getMessage());
        }
    }

    private KioskCrossingDto view(Session session, CrossingEntity c) {
        var d = c.getDeclaration();
        return new KioskCrossingDto(
                c.getId(),
                d.getCode(),
                DtoMapping.plate(c.getTractorPlate()),
                DtoMapping.plate(c.getTrailerPlate()),
                d.getEnterprise().getName(),
                d.getDirection(),
                c.getStatus(),
                c.getExpectedArrival(),
                queue.place(session, c));
    }

    private boolean inWindow(CrossingEntity c) {
        Instant now = clock.instant();
        return !c.getExpectedArrival().isBefore(now.minus(LATE))
                && !c.getExpectedArrival().isAfter(now.plus(EARLY));
    }

    private static YardDto roomiest(List<YardDto> yards) {
        return yards.stream()
                .max(Comparator.comparingLong((YardDto y) -> y.capacity() - y.occupied())
                        .thenComparing(YardDto::code, Comparator.reverseOrder()))
                .orElseThrow(() -> GateException.unavailable("the gate has no yard set up: ask the gate office"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }
}
