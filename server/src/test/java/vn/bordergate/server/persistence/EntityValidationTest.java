package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.metamodel.EntityType;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities are written without a Bean Validation pass (Hibernate's default ran one before every insert and update,
 * finding nothing to check): requests are validated where they come in, the tables hold the rest. So no entity may
 * carry a Bean Validation constraint, which would now go unchecked.
 */
class EntityValidationTest {
    @TempDir
    Path data;

    @Test
    void hibernateRunsNoBeanValidationBeforeAWrite() {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            EventListenerRegistry listeners = db.sessionFactory()
                    .unwrap(SessionFactoryImplementor.class)
                    .getServiceRegistry()
                    .getService(EventListenerRegistry.class);
            List<String> before = new ArrayList<>();
            for (EventType<?> type : List.of(EventType.PRE_INSERT, EventType.PRE_UPDATE, EventType.PRE_DELETE)) {
                listeners
                        .getEventListenerGroup(type)
                        .listeners()
                        .forEach(l -> before.add(l.getClass().getName()));
            }
            assertThat(before).noneMatch(name -> name.contains("BeanValidation"));
        }
    }

    @Test
    void hibernateChecksNoNullsOfItsOwnEither() {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            assertThat(db.sessionFactory()
                            .unwrap(SessionFactoryImplementor.class)
                            .getSessionFactoryOptions()
                            .isCheckNullability())
                    .isFalse();
        }
    }

    /** Asked of the validator itself: every constraint form (fields, getters, classes, cascades) on every mapped entity. */
    @Test
    void noEntityCarriesAConstraintThatWouldGoUnchecked() {
        try (GateDatabase db = GateDatabase.openEmbedded(data);
                ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            Validator validator = validation.getValidator();
            List<String> constrained = new ArrayList<>();
            var entities = db.sessionFactory().getMetamodel().getEntities();
            for (EntityType<?> entity : entities) {
                if (validator.getConstraintsForClass(entity.getJavaType()).isBeanConstrained()) {
                    constrained.add(entity.getName());
                }
            }
            assertThat(entities).hasSizeGreaterThan(10);
            assertThat(constrained).isEmpty();
        }
    }
}
