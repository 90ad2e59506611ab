package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateKind;

/**
 * The plate the grammar makes of a crop's row reads: the cheapest alignment over the kinds the crop's colour and shape
 * allow, with the province classifier's symbol offered in front of a one-row read that is Chinese or nothing.
 */
final class CropGrammar {
    /** What replacing a sure Tesseract symbol by the province classifier's symbol costs the alignment. */
    static final double REPLACED_COST = 0.25;

    /** The two-letter series of a long Vietnamese plate ({@link #oneRowSeries}). */
    private static final Set<String> ONE_ROW_PAIRS = Set.of("LD", "DA", "KT", "HC", "TD", "NG", "NN", "QT", "CV");

    private CropGrammar() {}

    /**
     * The cheapest plate of a read's rows (top first), or null when they fit no plate layout. {@code wide}: a crop read
     * as one row is wide enough to be a one-row plate ({@link CropReader#ONE_ROW_SHAPE}).
     */
    static PlateGrammarMatch best(
            List<LineRead> lines,
            boolean twoRows,
            boolean wide,
            PlateColour colour,
            boolean colourless,
            CropProvince province) {
        Set<PlateKind> kinds = colour.kinds();
        List<PlateGrammarMatch> matches;
        if (twoRows) {
            matches = PlateGrammar.candidatesOfKinds(
                    List.of(lines.get(0).symbols(), lines.get(1).symbols()), kinds);
            if (matches.isEmpty()) {
                // the split may be wrong (a one-row plate with a tall margin): try the rows as one line
                List<PlateGrammarSymbol> joined = new ArrayList<>(lines.get(0).symbols());
                joined.addAll(lines.get(1).symbols());
                matches = PlateGrammar.candidatesOfKinds(List.of(joined), kinds);
            }
        } else {
            if (wide) {
                kinds = oneRowKinds(kinds);
            }
            matches = new ArrayList<>(
                    PlateGrammar.candidatesOfKinds(List.of(lines.get(0).symbols()), kinds));
            if (wide) {
                matches.removeIf(m -> !oneRowSeries(m));
            }
            // only where the read is Chinese (or nothing) already: a Vietnamese read is never turned Chinese
            if ((matches.isEmpty() || cheapest(matches, colour, colourless).country() == PlateCountry.CN)
                    && province.get() != null) {
                matches.addAll(withProvince(lines.get(0).symbols(), province.get(), kinds));
            }
        }
        return matches.isEmpty() ? null : cheapest(matches, colour, colourless);
    }

    /**
     * Whether a one-row plate's series is one a long (car, truck) plate carries: one letter, or one of the two-letter
     * series Circular 24/2023 gives such vehicles (LD foreign-invested firms, DA foreign-funded projects, KT the army's
     * firms, HC restricted use, TD pilot-built vehicles, NG NN QT CV foreign missions, staff and people). Other
     * letter pairs are moped series, which only the square two-row plate carries: on a long plate they are a digit
     * read as a letter ({@code 30E41411} read {@code 30EG1411}, {@code 29H08921} read {@code 29HU8921}).
     */
    static boolean oneRowSeries(PlateGrammarMatch m) {
        String text = m.text();
        if (m.kind() != PlateKind.VN_VEHICLE || text.length() < 4 || !Character.isLetter(text.charAt(3))) {
            return true;
        }
        return ONE_ROW_PAIRS.contains(text.substring(2, 4));
    }

    /** The kinds that a plate of one row can be: a wide crop read as one row is no motorbike plate. */
    static Set<PlateKind> oneRowKinds(Set<PlateKind> kinds) {
        Set<PlateKind> oneRow = EnumSet.noneOf(PlateKind.class);
        kinds.stream().filter(kind -> !kind.alwaysTwoRows()).forEach(oneRow::add);
        return oneRow;
    }

    /** The match the alignment, the layout's prior and the crop's colour make cheapest. */
    static PlateGrammarMatch cheapest(List<PlateGrammarMatch> matches, PlateColour colour) {
        return cheapest(matches, colour, false);
    }

    /** {@link #cheapest(List, PlateColour)} on a crop that may have no colour at all ({@link PlateColour#colourless}). */
    static PlateGrammarMatch cheapest(List<PlateGrammarMatch> matches, PlateColour colour, boolean colourless) {
        return matches.stream()
                .min(Comparator.comparingDouble(
                        m -> m.cost() + m.layout().prior() + colour.unlikely(m.kind(), colourless)))
                .orElseThrow();
    }

    /**
     * The grammar's plates when the classifier's province symbol stands in front of the read, or in place of its
     * first one or two symbols (Tesseract reads the Han glyph as nothing, one or two Latin characters). The
     * cheapest alignment over all of them wins, so the classifier's alternatives are weighed, not copied.
     */
    private static List<PlateGrammarMatch> withProvince(
            List<PlateGrammarSymbol> symbols, PlateGrammarSymbol province, Set<PlateKind> kinds) {
        List<PlateGrammarMatch> out = new ArrayList<>();
        for (int replaced = 0; replaced <= Math.min(2, symbols.size()); replaced++) {
            List<PlateGrammarSymbol> line = new ArrayList<>();
            line.add(province);
            line.addAll(symbols.subList(replaced, symbols.size()));
            // throwing away a symbol Tesseract was sure of costs up to half a look-alike swap
            double thrown = 0;
            for (PlateGrammarSymbol gone : symbols.subList(0, replaced)) {
                thrown += REPLACED_COST * gone.bestProbability();
            }
            for (PlateGrammarMatch m : PlateGrammar.candidatesOfKinds(List.of(line), kinds)) {
                out.add(new PlateGrammarMatch(
                        m.text(), m.plate(), m.layout(), m.rows(), m.cost() + thrown, m.confidence()));
            }
        }
        return out;
    }
}
