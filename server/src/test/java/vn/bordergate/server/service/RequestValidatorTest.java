package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolver;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.DriverDto;
import vn.bordergate.common.dto.FieldProblem;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.support.TestGate;

/** The request checks of the gate, with the providers JPA would consult watched. */
class RequestValidatorTest {
    @AfterEach
    void defaultProviders() {
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(null);
    }

    @Test
    void problemsInsideListsAndNestedRecordsAreAllFound() {
        DeclarationRequest good = TestGate.declaration("36LD-123.45", Direction.EXPORT, QuarantineKind.PLANT);
        GoodsLineDto line = good.goods().get(0);
        DeclarationRequest bad = new DeclarationRequest(
                good.enterpriseId(),
                good.direction(),
                good.tractorPlate(),
                good.trailerPlate(),
                good.vehicleType(),
                new DriverDto(
                        " ", good.driver().documentNumber(), "VN", good.driver().phone()),
                List.of(
                        line,
                        new GoodsLineDto("8x", line.description(), BigDecimal.ZERO, "KGM", line.grossWeightKg(), null)),
                good.expectedArrival(),
                good.twoWayTransport(),
                good.medical());

        try (RequestValidator validator = new RequestValidator()) {
            assertThat(validator.check(good)).isSameAs(good);
            assertThatThrownBy(() -> validator.check(bad))
                    .isInstanceOf(GateException.class)
                    .satisfies(e -> assertThat(((GateException) e).problems())
                            .extracting(FieldProblem::field)
                            .containsExactly(
                                    "driver.fullName", "goods[1].hsCode", "goods[1].quantity", "goods[1].quarantine"));
        }
    }

    @Test
    void requestsAreCheckedWithoutAskingJpaWhatIsLoaded() {
        AtomicInteger asked = new AtomicInteger();
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(new PersistenceProviderResolver() {
            @Override
            public List<PersistenceProvider> getPersistenceProviders() {
                asked.incrementAndGet();
                return List.of();
            }

            @Override
            public void clearCachedProviders() {}
        });
        DeclarationRequest request = TestGate.declaration("36LD-123.46", Direction.IMPORT, QuarantineKind.NONE);

        try (RequestValidator validator = new RequestValidator()) {
            validator.check(request);
        }

        assertThat(asked).hasValue(0);
    }
}
