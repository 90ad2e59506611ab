package vn.bordergate.common.plate;

import java.util.ArrayList;
import java.util.List;

/**
 * One concrete character layout of a plate kind, position by position, as the grammar repair aligns a read
 * against it. Written as a pattern: {@code d} digit, {@code v} Vietnamese series letter (no I J O Q W),
 * {@code a} any Latin letter, {@code l} Chinese region letter (no I O), {@code c} Chinese serial letter or
 * digit, {@code e} new-energy D or F, {@code p} Chinese province character, {@code s} Chinese suffix
 * character, an upper-case letter stands for itself, and {@code /} marks where a two-row plate breaks.
 *
 * @param prior a small cost for layouts that are rarer at a gate, so that the common one wins a tie
 */
public record PlateGrammarLayout(PlateKind kind, String pattern, int rowBreak, double prior) {
    static final String DIGITS = "0123456789";
    static final String VN_SERIES = "ABCDEFGHKLMNPRSTUVXYZ";
    static final String LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String CN_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String CN_ALNUM = CN_LETTERS + DIGITS;

    /** Every layout the gate sees, most common first. */
    public static final List<PlateGrammarLayout> ALL = all();

    private static List<PlateGrammarLayout> all() {
        List<PlateGrammarLayout> all = new ArrayList<>(List.of(
                of(PlateKind.VN_VEHICLE, "ddv/ddddd", 0),
                of(PlateKind.VN_VEHICLE, "ddv/dddd", 0.05),
                of(PlateKind.VN_MOTORBIKE, "ddvd/ddddd", 0.1),
                of(PlateKind.VN_MOTORBIKE, "ddvd/dddd", 0.1),
                of(PlateKind.VN_VEHICLE, "ddvv/ddddd", 0.2),
                of(PlateKind.VN_VEHICLE, "ddvv/dddd", 0.2),
                of(PlateKind.VN_MILITARY, "aa/dddd", 0.5),
                of(PlateKind.VN_DIPLOMATIC, "ddddd/NGdd", 0.4),
                of(PlateKind.VN_DIPLOMATIC, "ddddd/NGddd", 0.4),
                of(PlateKind.VN_DIPLOMATIC, "ddddd/NNdd", 0.5),
                of(PlateKind.VN_DIPLOMATIC, "ddddd/QTdd", 0.5),
                of(PlateKind.VN_DIPLOMATIC, "ddddd/CVdd", 0.5),
                of(PlateKind.CN_NEW_ENERGY, "pl/ecdddd", 0.3),
                of(PlateKind.CN_NEW_ENERGY, "pl/ddddde", 0.3)));
        // a Chinese serial holds at most two letters (GA 36): one layout per placement of the letters
        all.addAll(chineseSerials(PlateKind.CN_STANDARD, 5, "", 0));
        all.addAll(chineseSerials(PlateKind.CN_TRAILER, 4, "s", 0.5));
        return List.copyOf(all);
    }

    private static List<PlateGrammarLayout> chineseSerials(PlateKind kind, int length, String suffix, double prior) {
        List<PlateGrammarLayout> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << length; mask++) {
            int letters = Integer.bitCount(mask);
            if (letters > 2) {
                continue;
            }
            StringBuilder serial = new StringBuilder();
            for (int i = 0; i < length; i++) {
                serial.append((mask & 1 << i) != 0 ? 'l' : 'd');
            }
            // plates with fewer letters are more common
            out.add(of(kind, "pl/" + serial + suffix, prior + 0.02 * letters));
        }
        return out;
    }

    public PlateGrammarLayout {
        if (pattern.replace("/", "").isEmpty() || rowBreak < 0) {
            throw new IllegalArgumentException("bad layout " + pattern);
        }
    }

    static PlateGrammarLayout of(PlateKind kind, String pattern, double prior) {
        return new PlateGrammarLayout(kind, pattern.replace("/", ""), Math.max(0, pattern.indexOf('/')), prior);
    }

    public PlateCountry country() {
        return kind.country();
    }

    public int length() {
        return pattern.length();
    }

    /** The class letter of position {@code i} (see the class description). */
    char positionClass(int i) {
        return pattern.charAt(i);
    }

    /** Characters allowed at position {@code i}; empty for the Chinese province and suffix positions. */
    String allowed(int i) {
        char c = pattern.charAt(i);
        return switch (c) {
            case 'd' -> DIGITS;
            case 'v' -> VN_SERIES;
            case 'a' -> LATIN;
            case 'l' -> CN_LETTERS;
            case 'c' -> CN_ALNUM;
            case 'e' -> "DF";
            case 'p' -> PlateParser.CN_PROVINCES;
            case 's' -> PlateParser.CN_SUFFIXES;
            default -> String.valueOf(c);
        };
    }

    /** Whether position {@code i} holds a Chinese character that a Latin OCR model cannot read. */
    boolean isHan(int i) {
        char c = pattern.charAt(i);
        return c == 'p' || c == 's';
    }
}
