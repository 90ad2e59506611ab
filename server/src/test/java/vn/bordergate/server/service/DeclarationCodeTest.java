package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.persistence.PendingInsert;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.persistence.VehicleEntity;
import vn.bordergate.server.support.TestGate;

/**
 * A declaration's code is made from its id, known only once it is persisted: its row is inserted with the real
 * code, not with a stand-in updated afterwards (a second write of the row and its unique index on every
 * declaration).
 */
class DeclarationCodeTest {
    private final TestGate gate = TestGate.shared();
    private final Transactions tx = gate.server().services().tx;

    @Test
    void aDeclarationRowIsInsertedWithItsRealCode() {
        // the database refuses any row written with another code: a stand-in insert would fail the declaration
        gate.execute("ALTER TABLE declaration ADD CONSTRAINT ck_code_test CHECK (code LIKE 'BG-%' AND code <> 'BG-?')");
        try {
            List<DeclarationDto> written = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                written.add(gate.as("enterprise")
                        .submitDeclaration(TestGate.declaration(
                                TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT)));
            }
            for (DeclarationDto d : written) {
                assertThat(d.code()).isEqualTo(String.format("BG-%08d", d.id()));
                String stored = tx.read(session -> session.createNativeQuery(
                                "SELECT code FROM declaration WHERE id = :id", String.class)
                        .setParameter("id", d.id())
                        .getSingleResult());
                assertThat(stored).isEqualTo(d.code());
                assertThat(gate.as("enterprise").declaration(d.id()).code()).isEqualTo(d.code());
            }
        } finally {
            gate.execute("ALTER TABLE declaration DROP CONSTRAINT ck_code_test");
        }
    }

    @Test
    void aCodeIsTheIdInAtLeastEightDigitsAsFormatWroteIt() {
        for (long id :
                new long[] {0, 1, 9, 10, 1234567, 12345678, 99999999, 100000000, 123456789012L, Long.MAX_VALUE}) {
            assertThat(DeclarationOpening.code(id)).as("id %d", id).isEqualTo(String.format("BG-%08d", id));
        }
    }

    @Test
    void aValueGivenToAPendingInsertIsWrittenByItAndAFlushedRowIsRefused() {
        String plate = "PI" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String given = "PJ" + plate.substring(2);
        long id = tx.write(session -> {
            VehicleEntity v = new VehicleEntity();
            v.setPlate(plate);
            v.setCountry(PlateCountry.VN);
            v.setPlateKind(PlateKind.VN_VEHICLE);
            session.persist(v);
            PendingInsert.set(session, v, "plate", given);
            assertThat(v.getPlate()).isEqualTo(given);
            session.flush();
            // written now: a value for it would need an update, which this is not for
            assertThatThrownBy(() -> PendingInsert.set(session, v, "plate", plate))
                    .isInstanceOf(IllegalStateException.class);
            return v.getId();
        });
        String stored =
                tx.read(session -> session.createNativeQuery("SELECT plate FROM vehicle WHERE id = :id", String.class)
                        .setParameter("id", id)
                        .getSingleResult());
        assertThat(stored).isEqualTo(given);
    }
}
