package vn.bordergate.server.anpr;

import java.util.List;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * What the OCR engine read on one text line: the plain text and, per character, the alternatives it
 * considered with their probabilities (for the grammar repair).
 */
public record LineRead(String text, List<PlateGrammarSymbol> symbols) {
    public LineRead {
        symbols = List.copyOf(symbols);
    }

    public static LineRead empty() {
        return new LineRead("", List.of());
    }

    /** Mean probability of the best choice over the symbols; 0 for an empty read. */
    public double meanProbability() {
        return symbols.stream()
                .mapToDouble(PlateGrammarSymbol::bestProbability)
                .average()
                .orElse(0);
    }
}
