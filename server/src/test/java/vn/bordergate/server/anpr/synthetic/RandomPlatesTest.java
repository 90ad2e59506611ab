package vn.bordergate.server.anpr.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.common.plate.PlateParser;

class RandomPlatesTest {
    @ParameterizedTest
    @EnumSource(PlateKind.class)
    void plateOfEveryKindIsValidAndOfThatKind(PlateKind kind) {
        Random random = new Random(kind.ordinal());
        for (int i = 0; i < 200; i++) {
            Plate plate = RandomPlates.next(random, kind);
            assertThat(plate.kind()).isEqualTo(kind);
            assertThat(PlateParser.parse(plate.display())).isEqualTo(plate);
        }
    }

    @Test
    void sameSeedSamePlates() {
        Random a = new Random(77);
        Random b = new Random(77);
        for (int i = 0; i < 50; i++) {
            assertThat(RandomPlates.gateTruck(a)).isEqualTo(RandomPlates.gateTruck(b));
        }
    }

    @Test
    void gateTrucksAreVietnameseAndChinese() {
        Random random = new Random(1);
        long chinese = 0;
        for (int i = 0; i < 400; i++) {
            Plate plate = RandomPlates.gateTruck(random);
            assertThat(plate.kind()).isIn(PlateKind.VN_VEHICLE, PlateKind.CN_STANDARD, PlateKind.CN_NEW_ENERGY);
            chinese += plate.kind().name().startsWith("CN") ? 1 : 0;
            assertThat(RandomPlates.trailer(random).kind().isTrailer()).isTrue();
        }
        assertThat(chinese).isBetween(120L, 300L);
    }
}
