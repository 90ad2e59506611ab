package vn.bordergate.server;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.NewUserRequest;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.demo.DemoGate;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.service.AccountService;

/**
 * What a first start needs: demo data with its demo accounts, or else the first administrator, whose
 * password the operator chooses. Outside demo mode no account ever has a default password.
 */
final class GateBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(GateBootstrap.class);
    static final long DEMO_SEED = 20261122L;

    private final Transactions tx;
    private final AccountService accounts;
    private final DemoGate demo;
    private Thread demoDay;

    GateBootstrap(GateServices s, Clock clock) {
        this.tx = s.tx;
        this.accounts = s.accounts;
        this.demo = new DemoGate(
                s.tx,
                s.hasher,
                s.accounts,
                s.enterprises,
                s.declarations,
                s.crossings,
                s.weighings,
                s.fees,
                s.audit,
                clock,
                DEMO_SEED);
    }

    /** Waits for the demo day's trips (generated in the background after start); tests use it. */
    void awaitDemoDay() throws InterruptedException {
        if (demoDay != null) {
            demoDay.join();
        }
    }

    /** Stops a demo day still being generated, so the database can close under no one's feet. */
    void stopDemoDay() throws InterruptedException {
        demo.stop();
        awaitDemoDay();
    }

    void prepare(ServerOptions options) {
        if (options.demo()) {
            demo.seedGateIfEmpty().ifPresent(day -> {
                Thread seeding = new Thread(
                        () -> {
                            try {
                                day.run();
                            } catch (RuntimeException e) {
                                LOG.warn("demo day only partly generated: {}", e.getMessage());
                            }
                        },
                        "demo-day");
                seeding.setDaemon(true);
                seeding.start();
                demoDay = seeding;
            });
            return;
        }
        long administrators = tx.read(
                s -> s.createSelectionQuery("select count(*) from UserAccountEntity where role = :r", Long.class)
                        .setParameter("r", Role.ADMINISTRATOR)
                        .getSingleResult());
        if (administrators > 0) {
            return;
        }
        if (options.initialAdmin() == null || options.initialAdminPassword() == null) {
            LOG.warn("no administrator account exists: restart with --init-admin NAME and the password in the"
                    + " BORDERGATE_INIT_ADMIN_PASSWORD environment variable");
            return;
        }
        accounts.create(
                Actor.system(),
                new NewUserRequest(
                        options.initialAdmin(),
                        options.initialAdminPassword(),
                        "Administrator",
                        Role.ADMINISTRATOR,
                        null,
                        null,
                        null));
        LOG.info("administrator '{}' created", options.initialAdmin());
    }
}
