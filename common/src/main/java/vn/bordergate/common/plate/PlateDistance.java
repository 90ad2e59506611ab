package vn.bordergate.common.plate;

import java.util.BitSet;

/**
 * How far a plate as read is from a plate as declared: an edit distance where swapping look-alike
 * characters (O/0, B/8, …) costs little, since that is how cameras misread, and an unread Chinese
 * province character ({@code ?}) costs little too, since OCR often can't read it; a province read as another
 * costs less than a plain misread for the same reason.
 */
public final class PlateDistance {
    /** Cost of reading one character as its look-alike. */
    public static final double LOOK_ALIKE = 0.3;
    /** Cost of a province character the reader could not make out. */
    public static final double UNREAD = 0.2;
    /**
     * Cost of reading a Chinese province (or suffix) glyph as another one. The glyph classifier is right on far fewer
     * of these than on Latin glyphs (docs/anpr.md), while two trucks differing only in their province are rare: a
     * read with only its province wrong should still find its truck unattended (under the matcher's 0.95), but
     * stays above the 0.6 within which a typed kiosk plate counts as close. Suffixes (挂学港澳) cost the same.
     */
    public static final double HAN_MISREAD = 0.7;

    private PlateDistance() {}

    /** Distance between two normalised plate texts (see {@link PlateParser#normalize}). */
    public static double between(String read, String declared) {
        return betweenPrepared(prepareRead(read), PlateParser.normalize(declared), Double.POSITIVE_INFINITY);
    }

    /**
     * The same distance for texts prepared once ({@link #prepareRead} for the read, {@link
     * PlateParser#normalize} for the declared plate), for scoring one read against many plates. Stops
     * as soon as the distance must exceed {@code limit} and then answers infinity: every cost is
     * positive, so no row of the table ever gets cheaper than the one before.
     */
    public static double betweenPrepared(String read, String declared, double limit) {
        int n = read.length();
        int m = declared.length();
        if (Math.abs(n - m) > limit) {
            return Double.POSITIVE_INFINITY;
        }
        double[] previous = new double[m + 1];
        double[] current = new double[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            double rowMin = current[0];
            for (int j = 1; j <= m; j++) {
                double substitute = previous[j - 1] + substitution(read.charAt(i - 1), declared.charAt(j - 1));
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return Double.POSITIVE_INFINITY;
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[m];
    }

    /** A read as {@link #betweenPrepared} wants it: normalised, an unread '?' kept in its place. */
    public static String prepareRead(String raw) {
        return keepingUnread(raw);
    }

    /**
     * What reading {@code declared} as {@code read} costs in {@link #betweenPrepared}: for indexes that
     * compute the same table column by column over many plates sharing a prefix.
     */
    public static double substitution(char read, char declared) {
        if (read < 128 && declared < 128) {
            return ASCII_COSTS[read * 128 + declared];
        }
        return cost(read, declared);
    }

    private static double cost(char read, char declared) {
        if (read == declared) {
            return 0;
        }
        boolean han = HAN.get(declared);
        if (read == '?') {
            return han ? UNREAD : 1;
        }
        if (han && HAN.get(read)) {
            return HAN_MISREAD;
        }
        if (han ? read < 128 : declared < 128 && HAN.get(read)) {
            // a Han character looks like no ASCII one (it has no case and is no look-alike key): every read of a
            // Vietnamese plate meets the Chinese plates' first characters in the plate index, and the look-alike
            // lookups for them were a tenth of the plate-read writers' CPU (JFR, docs/benchmarks.md "readrate")
            return 1;
        }
        return LookAlikes.lookAlike(read, declared) ? LOOK_ALIKE : 1;
    }

    /**
     * The characters of the Han script, looked up once: {@link Character.UnicodeScript#of} is a binary search, and
     * with the table of ASCII pairs below it was a tenth of the plate-read writers' CPU (JFR, docs/benchmarks.md
     * "readwrite": every search meets the Chinese plates' first characters, every close crossing is scored again).
     */
    private static final BitSet HAN = new BitSet(Character.MAX_VALUE + 1);
    /** {@link #substitution} of every pair of ASCII characters (read × 128 + declared). */
    private static final double[] ASCII_COSTS = new double[128 * 128];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                HAN.set(c);
            }
        }
        for (char read = 0; read < 128; read++) {
            for (char declared = 0; declared < 128; declared++) {
                ASCII_COSTS[read * 128 + declared] = cost(read, declared);
            }
        }
    }

    /** Normalised like {@link PlateParser#normalize}, but an unread '?' keeps its place in the plate. */
    private static String keepingUnread(String raw) {
        String[] parts = raw.split("\\?", -1);
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('?');
            }
            out.append(PlateParser.normalize(parts[i]));
        }
        return out.toString();
    }
}
