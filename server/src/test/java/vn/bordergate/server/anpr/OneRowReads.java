package vn.bordergate.server.anpr;

import java.util.List;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/** Reads of one-row crops for the vote tests, made through the real grammar (one sure choice per character). */
final class OneRowReads {
    private OneRowReads() {}

    /** A one-row crop of this colour read exactly as {@code text}, as the crop reader would pick it. */
    static CropRead read(String text, PlateColour colour) {
        List<PlateGrammarSymbol> symbols = PlateGrammarSymbol.of(text);
        PlateGrammarMatch match = CropGrammar.cheapest(
                PlateGrammar.candidatesOfKinds(List.of(symbols), CropGrammar.oneRowKinds(colour.kinds())), colour);
        return new CropRead(match, text, colour, false, symbols);
    }

    /** {@link #read(String, PlateColour)} with the grammar's confidence set to {@code confidence}. */
    static CropRead read(String text, PlateColour colour, double confidence) {
        CropRead read = read(text, colour);
        PlateGrammarMatch m = read.match();
        PlateGrammarMatch sure = new PlateGrammarMatch(m.text(), m.plate(), m.layout(), m.rows(), m.cost(), confidence);
        return new CropRead(sure, text, colour, false, read.symbols());
    }
}
