package vn.bordergate.common.plate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Repairs an OCR read into the most likely valid plate, position by position: every read is aligned with every
 * layout of the plate grammar ({@link PlateGrammarLayout}), digits are put where digits must be and letters
 * where letters must be (through {@link LookAlikes} and the reader's own alternatives), stray characters such
 * as a plate border read as {@code 1} are dropped, and the cheapest alignment that {@link PlateParser} accepts
 * wins. A Chinese province or suffix character that the reader could not read stays {@link #UNKNOWN}.
 */
public final class PlateGrammar {
    /** Stands for a Chinese province or suffix character that the reader could not read. */
    public static final char UNKNOWN = '?';

    private static final Set<PlateCountry> ALL_COUNTRIES = EnumSet.allOf(PlateCountry.class);
    /** OCR confusions beyond {@link LookAlikes}, seen on plate fonts: a character and what it may really be. */
    private static final Map<Character, String> OCR_CONFUSIONS = Map.ofEntries(
            Map.entry('U', "0"),
            Map.entry('Q', "0"),
            Map.entry('J', "1"),
            Map.entry('|', "1"),
            Map.entry('!', "1"),
            Map.entry('A', "4"),
            Map.entry('T', "7"),
            Map.entry('Y', "7"),
            Map.entry('4', "A"),
            Map.entry('7', "T"),
            Map.entry('1', "T"),
            Map.entry('3', "B"),
            Map.entry('9', "B"),
            Map.entry('I', "1T"),
            Map.entry('O', "0D"));

    /** A read that needs more repair than this is not taken for a plate at all. */
    public static final double MAX_COST = 2.5;

    private static final double LOOK_ALIKE_COST = 0.5;
    private static final double DROP_PUNCTUATION = 0.05;
    private static final double DROP_AT_EDGE = 0.7;
    private static final double DROP_INSIDE = 1.1;
    // below an inside drop of a symbol read at confidence 0 (1.1 × 0.5): the dash read as a sure `6` took the
    // LSTM's confidence of the `4` behind it (`51G642971`), and at 0.6 the `4` went instead
    private static final double DROP_AT_SEPARATOR = 0.45;
    private static final double DROP_HAN = 0.3;

    private PlateGrammar() {}

    /** The best valid Vietnamese or Chinese plate in a plain read such as {@code "30G-9I959"}. */
    public static Optional<PlateGrammarMatch> repair(String raw) {
        return repair(raw, ALL_COUNTRIES);
    }

    public static Optional<PlateGrammarMatch> repair(String raw, Set<PlateCountry> countries) {
        return repair(symbols(raw), countries);
    }

    /** The best valid plate for a one-row read with per-position alternatives. */
    public static Optional<PlateGrammarMatch> repair(List<PlateGrammarSymbol> symbols, Set<PlateCountry> countries) {
        List<PlateGrammarMatch> all = candidates(List.of(symbols), countries);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The best valid plate for a two-row read: each row is aligned only with its own row of each layout. */
    public static Optional<PlateGrammarMatch> repairRows(
            List<PlateGrammarSymbol> top, List<PlateGrammarSymbol> bottom, Set<PlateCountry> countries) {
        List<PlateGrammarMatch> all = candidates(List.of(top, bottom), countries);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every valid plate the read can be repaired into, cheapest first (the layout's prior included), one per
     * text. {@code rows} holds one row (aligned with whole layouts) or two (top and bottom, aligned with the
     * rows of two-row layouts).
     */
    public static List<PlateGrammarMatch> candidates(List<List<PlateGrammarSymbol>> rows, Set<PlateCountry> countries) {
        EnumSet<PlateKind> kinds = EnumSet.noneOf(PlateKind.class);
        for (PlateKind kind : PlateKind.values()) {
            if (countries.contains(kind.country())) {
                kinds.add(kind);
            }
        }
        return candidatesOfKinds(rows, kinds);
    }

    /**
     * As {@link #candidates}, for plates of the given kinds only (a reader that saw a green plate knows it is a
     * Chinese new-energy plate). A layout counts by the kind it is written for; the parsed plate may still
     * name a related kind (a Vietnamese vehicle layout with series R parses as a trailer).
     */
    public static List<PlateGrammarMatch> candidatesOfKinds(List<List<PlateGrammarSymbol>> rows, Set<PlateKind> kinds) {
        if (rows.isEmpty() || rows.size() > 2 || rows.stream().allMatch(List::isEmpty)) {
            return List.of();
        }
        Map<String, PlateGrammarMatch> byText = new LinkedHashMap<>();
        for (PlateGrammarLayout layout : PlateGrammarLayout.ALL) {
            if (!kinds.contains(layout.kind())) {
                continue;
            }
            PlateGrammarMatch match = rows.size() == 1 ? align(rows.get(0), layout) : alignRows(rows, layout);
            if (match != null && match.cost() <= MAX_COST) {
                PlateGrammarMatch seen = byText.get(match.text());
                if (seen == null || rank(match) < rank(seen)) {
                    byText.put(match.text(), match);
                }
            }
        }
        List<PlateGrammarMatch> out = new ArrayList<>(byText.values());
        out.sort(Comparator.comparingDouble(PlateGrammar::rank));
        return out;
    }

    /**
     * What reading exactly {@code text} out of {@code symbols} costs, with the same look-alikes, alternatives and
     * drops as a repair (no layout: every character stands for itself); infinite when the read cannot give it. Lets
     * a reader weigh another read's plate against this read's per-character alternatives.
     */
    public static double costOf(List<PlateGrammarSymbol> symbols, String text) {
        if (text.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        PlateGrammarLayout literal = new PlateGrammarLayout(PlateKind.VN_VEHICLE, text, 0, 0);
        PlateGrammarAlignment alignment = PlateGrammarAlignment.align(symbols, literal, 0, text.length());
        return alignment == null ? Double.POSITIVE_INFINITY : alignment.cost();
    }

    /** Symbols of a plain read: upper case, full-width forms folded, Vietnamese Đ as D. */
    public static List<PlateGrammarSymbol> symbols(String raw) {
        if (raw == null) {
            return List.of();
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .replace('Đ', 'D')
                .replace('đ', 'D')
                .toUpperCase(java.util.Locale.ROOT)
                .strip();
        return PlateGrammarSymbol.of(folded);
    }

    private static double rank(PlateGrammarMatch m) {
        return m.cost() + m.layout().prior();
    }

    private static PlateGrammarMatch align(List<PlateGrammarSymbol> symbols, PlateGrammarLayout layout) {
        PlateGrammarAlignment row = PlateGrammarAlignment.align(symbols, layout, 0, layout.length());
        if (row == null) {
            return null;
        }
        PlateGrammarMatch match = finish(layout, row.text(), row.cost(), row.probabilitySum(), row.known());
        if (match == null && layout.pattern().startsWith("dd") && unregisteredProvince(row.text())) {
            // the cheapest path's code is no province's (`91`, its `9` read `1`): the alignment keeps one path, so
            // the registered codes one digit away are aligned as they stand and the cheapest of them is the read's
            String code = row.text().substring(0, 2);
            for (String other : PlateParser.registeredNear(code)) {
                PlateGrammarLayout fixed = new PlateGrammarLayout(
                        layout.kind(), other + layout.pattern().substring(2), 0, layout.prior());
                PlateGrammarAlignment again = PlateGrammarAlignment.align(symbols, fixed, 0, fixed.length());
                PlateGrammarMatch m = again == null
                        ? null
                        : finish(layout, again.text(), again.cost(), again.probabilitySum(), again.known());
                if (m != null && (match == null || m.cost() < match.cost())) {
                    match = m;
                }
            }
        }
        return match;
    }

    private static boolean unregisteredProvince(String text) {
        return PlateParser.tryParse(text)
                .map(plate -> !PlateParser.registeredProvince(plate))
                .orElse(false);
    }

    private static PlateGrammarMatch alignRows(List<List<PlateGrammarSymbol>> rows, PlateGrammarLayout layout) {
        int split = layout.rowBreak();
        if (split == 0) {
            return null;
        }
        PlateGrammarAlignment top = PlateGrammarAlignment.align(rows.get(0), layout, 0, split);
        if (top == null) {
            return null;
        }
        PlateGrammarAlignment bottom = PlateGrammarAlignment.align(rows.get(1), layout, split, layout.length());
        if (bottom == null) {
            return null;
        }
        return finish(
                layout,
                top.text() + bottom.text(),
                top.cost() + bottom.cost(),
                top.probabilitySum() + bottom.probabilitySum(),
                top.known() + bottom.known());
    }

    private static PlateGrammarMatch finish(
            PlateGrammarLayout layout, String text, double cost, double probabilitySum, int known) {
        StringBuilder probe = new StringBuilder(text);
        for (int i = 0; i < probe.length(); i++) {
            if (probe.charAt(i) == UNKNOWN) {
                // a stand-in from the allowed set, only to let the parser check the rest of the plate
                probe.setCharAt(i, layout.allowed(i).charAt(0));
            }
        }
        Optional<Plate> parsed = PlateParser.tryParse(probe.toString());
        if (parsed.isEmpty() || !parsed.get().normalized().equals(probe.toString())) {
            return null;
        }
        if (!PlateParser.registeredProvince(parsed.get())) {
            // a camera never sees such a plate: the code is a look-alike misread (`99LD` read `9LD`, made `91D`), and
            // the read's other layouts or the crop's other reads should have the plate
            return null;
        }
        boolean complete = text.indexOf(UNKNOWN) < 0;
        double meanProbability = known == 0 ? 0 : probabilitySum / known;
        double confidence = meanProbability * Math.exp(-0.5 * cost);
        int split = layout.rowBreak();
        List<String> rows = split == 0 ? List.of(text) : List.of(text.substring(0, split), text.substring(split));
        return new PlateGrammarMatch(text, complete ? parsed.get() : null, layout, rows, cost, confidence);
    }

    /** Cost and character of putting {@code symbol} where {@code allowed} characters go; null when impossible. */
    static PlateGrammarAlignment.Step substitute(PlateGrammarSymbol symbol, String allowed) {
        double top = symbol.bestProbability();
        PlateGrammarAlignment.Step best = null;
        for (PlateGrammarSymbol.Choice choice : symbol.choices()) {
            char c = Character.toUpperCase(choice.character());
            double p = choice.probability();
            PlateGrammarAlignment.Step step = null;
            if (allowed.indexOf(c) >= 0) {
                step = new PlateGrammarAlignment.Step(c, top - p, p);
            } else {
                char alike = lookAlike(c, allowed);
                if (alike != 0) {
                    step = new PlateGrammarAlignment.Step(alike, LOOK_ALIKE_COST + top - p, p * 0.5);
                }
            }
            if (step != null && (best == null || step.cost() < best.cost())) {
                best = step;
            }
        }
        return best;
    }

    /** {@link #dropCost} of a symbol read where a one-row plate prints its separator (see PlateGrammarAlignment). */
    static double separatorDropCost(PlateGrammarSymbol symbol) {
        char c = symbol.best();
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || !Character.isLetterOrDigit(c)) {
            return dropCost(symbol, false);
        }
        return DROP_AT_SEPARATOR * (0.5 + 0.5 * symbol.bestProbability());
    }

    /** The cost of dropping {@code symbol} as noise; cheaper at the ends of a row and for unsure symbols. */
    static double dropCost(PlateGrammarSymbol symbol, boolean atEdge) {
        char c = symbol.best();
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return DROP_HAN;
        }
        if (!Character.isLetterOrDigit(c)) {
            return DROP_PUNCTUATION;
        }
        double base = atEdge ? DROP_AT_EDGE : DROP_INSIDE;
        return base * (0.5 + 0.5 * symbol.bestProbability());
    }

    private static char lookAlike(char c, String allowed) {
        char[] tries = {LookAlikes.asDigit(c), LookAlikes.asLetter(c), LookAlikes.asLetter(LookAlikes.asDigit(c))};
        for (char t : tries) {
            if (t != c && allowed.indexOf(t) >= 0) {
                return t;
            }
        }
        String more = OCR_CONFUSIONS.getOrDefault(c, "");
        for (int i = 0; i < more.length(); i++) {
            if (allowed.indexOf(more.charAt(i)) >= 0) {
                return more.charAt(i);
            }
        }
        return 0;
    }
}
