package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateKind;

/**
 * A wide crop read as one row is no motorbike plate (those are always two rows): the dash after the series read as a
 * digit ({@code 30G-919.59} read {@code 30G691959}) then no longer makes a motorbike series {@code 30G6}.
 */
class OneRowKindsTest {
    @Test
    void aOneRowReadWithTheDashReadAsADigitIsACarPlate() {
        List<PlateGrammarSymbol> read = PlateGrammarSymbol.of("30G691959");

        assertThat(plate(read, PlateColour.WHITE.kinds())).isEqualTo("30G691959");
        assertThat(plate(read, CropGrammar.oneRowKinds(PlateColour.WHITE.kinds())))
                .isEqualTo("30G91959");
    }

    @Test
    void onlyTheTwoRowKindsGo() {
        assertThat(CropGrammar.oneRowKinds(PlateColour.WHITE.kinds()))
                .doesNotContain(PlateKind.VN_MOTORBIKE)
                .contains(PlateKind.VN_VEHICLE, PlateKind.VN_TRAILER, PlateKind.CN_STANDARD);
    }

    private static String plate(List<PlateGrammarSymbol> read, Set<PlateKind> kinds) {
        return CropGrammar.cheapest(PlateGrammar.candidatesOfKinds(List.of(read), kinds), PlateColour.WHITE)
                .text();
    }
}
