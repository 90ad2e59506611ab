package vn.bordergate.server.anpr;

import java.util.List;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/** Reads of two-row crops for the row-vote tests, made through the real grammar. */
final class TwoRowReads {
    private TwoRowReads() {}

    /** A read of a white two-row crop whose grammar match is exactly these rows, with this confidence. */
    static CropRead exact(String top, String bottom, double confidence) {
        PlateGrammarMatch exact = PlateGrammar.candidatesOfKinds(
                        List.of(PlateGrammarSymbol.of(top), PlateGrammarSymbol.of(bottom)), PlateColour.WHITE.kinds())
                .stream()
                .filter(m -> m.cost() == 0 && m.rows().equals(List.of(top, bottom)))
                .findFirst()
                .orElseThrow();
        PlateGrammarMatch match = new PlateGrammarMatch(
                exact.text(), exact.plate(), exact.layout(), exact.rows(), exact.cost(), confidence);
        return new CropRead(match, top + "/" + bottom, PlateColour.WHITE, true);
    }
}
