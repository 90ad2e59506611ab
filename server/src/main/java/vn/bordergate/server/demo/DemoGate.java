package vn.bordergate.server.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.demo.DemoEnterprises.Enterprise;
import vn.bordergate.server.demo.DemoPlans.Plan;
import vn.bordergate.server.demo.DemoTrips.Trip;
import vn.bordergate.server.persistence.EnterpriseEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.PasswordHasher;
import vn.bordergate.server.service.AccountService;
import vn.bordergate.server.service.AuditLog;
import vn.bordergate.server.service.CrossingService;
import vn.bordergate.server.service.DeclarationService;
import vn.bordergate.server.service.EnterpriseService;
import vn.bordergate.server.service.FeeService;
import vn.bordergate.server.service.WeighingService;

/**
 * A realistic day at the Huu Nghi gate for {@code --demo} on an empty database: the joint control
 * station's stations, lanes, cameras and yards, the demo accounts, about 40 Vietnamese and Chinese
 * enterprises and about 300 trips declared for today and tomorrow, spread over every step of the
 * workflow. The same seed and clock give the same data: everything random comes from one
 * {@link Random}, and the trips go through the real services in a fixed order.
 */
public final class DemoGate {
    /** The password of every demo account. */
    public static final String DEMO_PASSWORD = "bordergate-demo";
    /** The demo's login accounts, for the README and the login screen. */
    public static final List<DemoAccount> ACCOUNTS = DemoAccounts.ALL;

    static final ZoneId GATE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int TRIPS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(DemoGate.class);

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final DeclarationService declarations;
    private final CrossingService crossings;
    private final WeighingService weighings;
    private final FeeService fees;
    private final AuditLog audit;
    private final Clock clock;
    private final long seed;

    private volatile boolean stopped;

    /**
     * {@code accounts} and {@code enterprises} are not called: the demo's accounts and enterprises are
     * written directly, in the one transaction that also writes the reference data, to start fast.
     */
    public DemoGate(
            Transactions tx,
            PasswordHasher hasher,
            AccountService accounts,
            EnterpriseService enterprises,
            DeclarationService declarations,
            CrossingService crossings,
            WeighingService weighings,
            FeeService fees,
            AuditLog audit,
            Clock clock,
            long seed) {
        this.tx = tx;
        this.hasher = hasher;
        this.declarations = declarations;
        this.crossings = crossings;
        this.weighings = weighings;
        this.fees = fees;
        this.audit = audit;
        this.clock = clock;
        this.seed = seed;
    }

    /** Asks a day being seeded to stop after the trip in hand (the server is shutting down). */
    public void stop() {
        stopped = true;
    }

    /** Seeds the demo day unless the database already knows an enterprise; answers whether it seeded. */
    public boolean seedIfEmpty() {
        Optional<Runnable> day = seedGateIfEmpty();
        day.ifPresent(Runnable::run);
        return day.isPresent();
    }

    /**
     * Seeds what logging in needs (stations, lanes, cameras, yards, accounts, enterprises) now, and
     * hands back the day's trips to seed afterwards: those take thousands of committed transactions
     * (seconds), which a server runs in the background rather than before it answers. Empty when the
     * database already knows an enterprise.
     */
    public Optional<Runnable> seedGateIfEmpty() {
        if (!isEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        Random random = new Random(seed);
        DemoPeople people = new DemoPeople(random);
        List<Enterprise> catalog = DemoEnterprises.generate(random, people);
        String hash = hasher.hash(DEMO_PASSWORD);
        Setup setup = tx.write(session -> isEmpty(session) ? setUp(session, catalog, hash, now) : null);
        if (setup == null) {
            return Optional.empty();
        }
        long referenceDone = System.nanoTime();
        return Optional.of(() -> seedTrips(setup, random, people, catalog, now, started, referenceDone));
    }

    private void seedTrips(
            Setup setup,
            Random random,
            DemoPeople people,
            List<Enterprise> catalog,
            Instant now,
            long started,
            long referenceDone) {

        List<Trip> trips = new DemoTrips(random, people, catalog).generate(TRIPS);
        DemoPlans planner = new DemoPlans(random);
        List<Plan> plans = planner.assign(trips);
        List<Instant> arrivals = planner.arrivals(plans, now, GATE_ZONE);
        DemoDay day = new DemoDay(declarations, crossings, weighings, fees, setup.officers(), random, now, GATE_ZONE);
        List<Integer> order = IntStream.range(0, trips.size())
                .boxed()
                .sorted(Comparator.comparing(arrivals::get))
                .toList();
        long[] crossingIds = new long[trips.size()];
        for (int i : order) {
            if (stopped) {
                return;
            }
            Trip trip = trips.get(i);
            crossingIds[i] = day.declare(setup.enterprises().get(trip.enterprise()), trip, arrivals.get(i));
        }
        long declared = System.nanoTime();
        for (int i : order) {
            if (stopped) {
                return;
            }
            day.advance(crossingIds[i], trips.get(i), plans.get(i));
        }
        long done = System.nanoTime();
        LOG.info(
                "demo day seeded: {} enterprises, {} trips, {} in {} ms (reference data and accounts {} ms,"
                        + " declarations {} ms, workflow {} ms)",
                catalog.size(),
                trips.size(),
                day.summary(),
                (done - started) / 1_000_000,
                (referenceDone - started) / 1_000_000,
                (declared - referenceDone) / 1_000_000,
                (done - declared) / 1_000_000);
    }

    private record Setup(Map<Agency, Actor> officers, List<Actor> enterprises) {}

    private Setup setUp(Session session, List<Enterprise> catalog, String hash, Instant now) {
        DemoStations.persist(session);
        List<EnterpriseEntity> entities = new ArrayList<>();
        for (Enterprise e : catalog) {
            EnterpriseEntity entity = new EnterpriseEntity();
            entity.setTaxCode(e.taxCode());
            entity.setName(e.name());
            entity.setCountry(e.country());
            entity.setContactName(e.contactName());
            entity.setContactPhone(e.contactPhone());
            entity.setContactEmail(e.contactEmail());
            entity.setPriority(e.priority());
            session.persist(entity);
            audit.append(
                    session,
                    Actor.system(),
                    "ENTERPRISE_CREATED",
                    "enterprise",
                    entity.getId(),
                    entity.getTaxCode() + " " + entity.getName());
            entities.add(entity);
        }
        Map<String, Actor> accounts = DemoAccounts.persist(session, audit, hash, entities, now);
        Map<Agency, Actor> officers = new EnumMap<>(Agency.class);
        List<Actor> enterprises = new ArrayList<>();
        for (DemoAccount account : ACCOUNTS) {
            Actor actor = accounts.get(account.username());
            if (account.role() == Role.OFFICER) {
                officers.put(account.agency(), actor);
            } else if (account.role() == Role.ENTERPRISE) {
                enterprises.add(actor);
            }
        }
        // enterprises without a demo account declare through the portal under their tax code
        for (int i = enterprises.size(); i < entities.size(); i++) {
            EnterpriseEntity e = entities.get(i);
            enterprises.add(new Actor(0, "dn-" + e.getTaxCode(), Role.ENTERPRISE, null, null, e.getId()));
        }
        return new Setup(officers, enterprises);
    }

    private boolean isEmpty() {
        return tx.read(this::isEmpty);
    }

    private boolean isEmpty(Session session) {
        return session.createSelectionQuery("select count(*) from EnterpriseEntity", Long.class)
                        .getSingleResult()
                == 0;
    }
}
