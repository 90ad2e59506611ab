package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
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
    void noEntityCarriesAConstraintThatWouldGoUnchecked() {
        List<String> constrained = new ArrayList<>();
        for (Class<?> entity : GateDatabase.ENTITIES) {
            for (Class<?> c = entity; c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    for (Annotation a : field.getAnnotations()) {
                        if (a.annotationType().getName().startsWith("jakarta.validation")) {
                            constrained.add(c.getSimpleName() + "." + field.getName() + " @"
                                    + a.annotationType().getSimpleName());
                        }
                    }
                }
            }
        }
        assertThat(GateDatabase.ENTITIES).hasSizeGreaterThan(10);
        assertThat(constrained).isEmpty();
    }
}
