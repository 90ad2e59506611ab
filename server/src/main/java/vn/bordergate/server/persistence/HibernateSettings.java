package vn.bordergate.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/** How Hibernate runs over the gate's pool: the settings, each with why it differs from Hibernate's default. */
final class HibernateSettings {
    private HibernateSettings() {}

    static StandardServiceRegistry registry(HikariDataSource dataSource) {
        return new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                // Instant parameters outside converted fields: plain TIMESTAMP, not the shared-Calendar UTC path
                .applySetting(AvailableSettings.PREFERRED_INSTANT_JDBC_TYPE, "TIMESTAMP")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 32)
                .applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY, new CamelCaseToUnderscoresNamingStrategy())
                .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                // Derby has no NClob: without this Hibernate probes for it and Hikari marks the connection broken
                .applySetting(AvailableSettings.NON_CONTEXTUAL_LOB_CREATION, true)
                // no Bean Validation of entities before each insert and update: they carry no constraint of it (the
                // requests are validated, the tables hold the rest), yet with a validator on the class path Hibernate
                // walked every property of every written entity (JFR: 1.7 % of the declaration writers, branch
                // declcpu2)
                .applySetting(AvailableSettings.JAKARTA_VALIDATION_MODE, "none")
                // and no null check of its own before each write either: Bean Validation's integrator used to switch
                // it off, "none" skips that integrator and so turned it back on; the tables' NOT NULL refuses a null
                .applySetting(AvailableSettings.CHECK_NULLABILITY, false)
                .build();
    }
}
