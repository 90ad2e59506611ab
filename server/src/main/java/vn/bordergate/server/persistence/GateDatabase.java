package vn.bordergate.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's database: an embedded Derby in the data directory, a connection pool, the schema brought
 * up to date by Flyway and then checked by Hibernate. Closing it shuts Derby down cleanly.
 */
public final class GateDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GateDatabase.class);
    private static final List<Class<?>> ENTITIES = List.of(
            EnterpriseEntity.class,
            UserAccountEntity.class,
            VehicleEntity.class,
            DriverEntity.class,
            DeclarationEntity.class,
            GoodsLineEntity.class,
            CrossingEntity.class,
            CrossingStepEntity.class,
            StepConfirmationEntity.class,
            PlateReadEntity.class,
            LaneEntity.class,
            CameraEntity.class,
            StationEntity.class,
            YardEntity.class,
            WeighingEntity.class,
            FeeEntity.class,
            AuditEntryEntity.class,
            IdempotencyRecordEntity.class,
            KioskCheckInEntity.class);

    private final String jdbcUrl;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final PlanStatistics planStatistics;

    private GateDatabase(String jdbcUrl, HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.jdbcUrl = jdbcUrl;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.planStatistics = new PlanStatistics(dataSource);
    }

    /** Opens (creating when absent) the embedded Derby database under {@code dataDir/db}. */
    public static GateDatabase openEmbedded(Path dataDir) {
        DerbyLog.routeToSlf4j();
        keepCompiledStatements();
        keepPlansUnderLoad();
        String url = "jdbc:derby:" + dataDir.toAbsolutePath().resolve("db");
        checkNotInUse(url + ";create=true", dataDir);
        return open(url);
    }

    /**
     * Derby keeps 100 compiled statements by default; the server's queries and inserts are more than that,
     * so under mixed load it compiled again what it had just thrown out (statement-compile waits in the
     * flight recordings, docs/benchmarks.md). Read when the database boots. An operator's own setting wins:
     * a system property set in code would outrank the {@code derby.properties} file, so it is set only when
     * neither names the size.
     */
    static final int STATEMENT_CACHE = 1000;

    static final String STATEMENT_CACHE_PROPERTY = "derby.language.statementCacheSize";

    private static void keepCompiledStatements() {
        setUnlessOperatorDid(STATEMENT_CACHE_PROPERTY, Integer.toString(STATEMENT_CACHE));
    }

    /**
     * Derby rechecks the tables of a statement every 100 executions and recompiles it, in the request at hand, when
     * one has grown by a tenth; its statistics daemon, started by those compiles, updates a grown table's statistics
     * and invalidates every plan that reads it. On a young database under load that was 76 recompiles in 15 s of
     * declarations (docs/benchmarks.md). Both are off; {@link PlanStatistics} updates the statistics of a table
     * that doubled, from the scheduler, which has its plans compiled again: per doubling, not per tenth.
     */
    static final String STALE_PLAN_CHECK_PROPERTY = "derby.language.stalePlanCheckInterval";

    static final String STATISTICS_DAEMON_PROPERTY = "derby.storage.indexStats.auto";

    private static void keepPlansUnderLoad() {
        setUnlessOperatorDid(STALE_PLAN_CHECK_PROPERTY, Integer.toString(Integer.MAX_VALUE));
        setUnlessOperatorDid(STATISTICS_DAEMON_PROPERTY, "false");
    }

    /** Read when the database boots; a system property set in code would outrank the operator's file. */
    private static void setUnlessOperatorDid(String property, String value) {
        if (System.getProperty(property) == null && !derbyPropertiesFile().containsKey(property)) {
            System.setProperty(property, value);
        }
    }

    /** The operator's {@code derby.properties}, where Derby itself looks for it; empty when there is none. */
    static Properties derbyPropertiesFile() {
        Properties properties = new Properties();
        Path file = Path.of(System.getProperty("derby.system.home", System.getProperty("user.dir")))
                .resolve("derby.properties");
        if (Files.isReadable(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                properties.load(in);
            } catch (IOException e) {
                // Derby reports an unreadable file itself when it boots; here it only means "not set"
                return new Properties();
            }
        }
        return properties;
    }

    static GateDatabase open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("gate-db");
        // Derby makes readers wait for rows locked by a commit in flight: more connections keep the
        // requests that don't touch those rows moving (measured: LoadBenchmark, docs/benchmarks.md)
        config.setMaximumPoolSize(16);
        config.setAutoCommit(false);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            // Hibernate reads the entity mappings while Flyway migrates; it checks the schema after
            CompletableFuture<Mappings> mappings = CompletableFuture.supplyAsync(() -> mappings(dataSource));
            try {
                migrate(dataSource);
            } catch (RuntimeException e) {
                mappings.thenAccept(m -> StandardServiceRegistryBuilder.destroy(m.registry()));
                throw e;
            }
            SessionFactory sf = validatedSessionFactory(join(mappings));
            return new GateDatabase(jdbcUrl, dataSource, sf);
        } catch (RuntimeException e) {
            dataSource.close();
            shutdownDerby(jdbcUrl);
            throw e;
        }
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /**
     * Starts the pass that keeps statistics and plans in step with growing tables (Derby only), on a thread of its own:
     * a pass over a large table takes seconds, which the gate's scheduler (queue pushes, overstays) must not wait for.
     */
    public void keepPlanStatistics(Duration first, Duration every) {
        if (jdbcUrl.startsWith("jdbc:derby:")) {
            planStatistics.start(first, every);
        }
    }

    PlanStatistics planStatisticsPass() {
        return planStatistics;
    }

    private static void checkNotInUse(String url, Path dataDir) {
        try (Connection probe = DriverManager.getConnection(url)) {
            probe.isValid(1);
        } catch (SQLException e) {
            if (hasState(e, "XSDB6")) {
                throw new DatabaseUnavailableException("the database in " + dataDir.toAbsolutePath()
                        + " is already in use by another BorderGate server; stop that one or choose another --data");
            }
            throw new DatabaseUnavailableException(
                    "cannot open the database in " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasState(SQLException e, String state) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (state.equals(s.getSQLState())) {
                return true;
            }
            if (s.getCause() instanceof SQLException cause && state.equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Brings the schema up to date with the migrations for this database vendor (Derby here, PostgreSQL too). */
    private static void migrate(HikariDataSource dataSource) {
        String vendor = dataSource.getJdbcUrl().startsWith("jdbc:postgresql:") ? "postgresql" : "derby";
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + vendor)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(
                    "the database schema could not be brought up to date: " + rootMessage(e), e);
        }
    }

    private record Mappings(StandardServiceRegistry registry, Metadata metadata) {}

    private static Mappings mappings(HikariDataSource dataSource) {
        StandardServiceRegistry registry = HibernateSettings.registry(dataSource);
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            sources.addAnnotatedClass(UtcInstantConverter.class);
            return new Mappings(registry, sources.buildMetadata());
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** Builds the session factory, which validates the mappings against the migrated schema. */
    private static SessionFactory validatedSessionFactory(Mappings mappings) {
        try {
            SessionFactory sessionFactory = mappings.metadata().buildSessionFactory();
            CrossingChanges.listenTo(sessionFactory);
            return sessionFactory;
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(mappings.registry());
            throw new DatabaseUnavailableException(
                    "the database schema does not match this server version: " + rootMessage(e), e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        planStatistics.close();
        sessionFactory.close();
        dataSource.close();
        shutdownDerby(jdbcUrl);
    }

    /** A clean shutdown lets Derby checkpoint, so the next start needs no recovery. */
    private static void shutdownDerby(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:derby:")) {
            return;
        }
        try {
            DriverManager.getConnection(jdbcUrl + ";shutdown=true").close();
        } catch (SQLException e) {
            // 08006 is Derby's way of saying the database shut down as asked
            if (!"08006".equals(e.getSQLState())) {
                LOG.warn("Derby did not shut down cleanly: {}", e.getMessage());
            }
        }
    }
}
