package vn.bordergate.common.plate;

import java.util.List;

/**
 * The cheapest alignment of one row of read symbols with positions {@code from..to} of a layout (an edit
 * distance where substitutions follow the grammar): each position takes one symbol (repaired if needed), a
 * symbol may be dropped as noise, and a Chinese province or suffix position takes zero to two unreadable
 * symbols and stays {@link PlateGrammar#UNKNOWN}.
 *
 * @param text the repaired characters of the positions, in order
 * @param probabilitySum the sum of the reader's probabilities of the characters kept
 * @param known how many positions are not {@link PlateGrammar#UNKNOWN}
 */
record PlateGrammarAlignment(String text, double cost, double probabilitySum, int known) {
    /** One position filled: the character put there, what it cost and the reader's probability for it. */
    record Step(char character, double cost, double probability) {}

    private static final double HAN_MISSING = 0.7;
    private static final double HAN_SUFFIX_MISSING = 1.5;
    private static final double HAN_JUNK = 0.5;
    private static final double HAN_SUFFIX_JUNK = 0.7;

    private static final byte TAKE = 1;
    private static final byte DROP = 2;
    private static final byte HAN_SKIP = 3;
    private static final byte HAN_ONE = 4;
    private static final byte HAN_TWO = 5;

    static PlateGrammarAlignment align(List<PlateGrammarSymbol> symbols, PlateGrammarLayout layout, int from, int to) {
        int n = symbols.size();
        int k = to - from;
        double[][] cost = new double[n + 1][k + 1];
        byte[][] how = new byte[n + 1][k + 1];
        Step[][] step = new Step[n + 1][k + 1];
        for (double[] row : cost) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= k; j++) {
                double here = cost[i][j];
                if (here == Double.POSITIVE_INFINITY) {
                    continue;
                }
                if (i < n) {
                    // a one-row Vietnamese plate prints a dash after its series where the two-row plate breaks,
                    // and OCR reads it as a digit or a doubled series letter: dropping a symbol there is cheaper
                    // than inside. (Cheap drops after a Chinese region letter or the military letters made
                    // Chinese reads into military plates)
                    boolean separator = k == layout.length()
                            && layout.rowBreak() > 0
                            && j == layout.rowBreak()
                            && layout.positionClass(j - 1) == 'v';
                    boolean edge = j == 0 || j == k;
                    double drop = separator
                            ? PlateGrammar.separatorDropCost(symbols.get(i))
                            : PlateGrammar.dropCost(symbols.get(i), edge);
                    relax(cost, how, step, i + 1, j, here + drop, DROP, null);
                }
                if (j == k) {
                    continue;
                }
                int position = from + j;
                if (layout.isHan(position)) {
                    hanSteps(symbols, layout, position, i, j, here, cost, how, step);
                } else if (i < n) {
                    Step s = PlateGrammar.substitute(symbols.get(i), layout.allowed(position));
                    if (s != null) {
                        relax(cost, how, step, i + 1, j + 1, here + s.cost(), TAKE, s);
                    }
                }
            }
        }
        if (cost[n][k] == Double.POSITIVE_INFINITY) {
            return null;
        }
        return trace(cost, how, step, n, k);
    }

    private static void hanSteps(
            List<PlateGrammarSymbol> symbols,
            PlateGrammarLayout layout,
            int position,
            int i,
            int j,
            double here,
            double[][] cost,
            byte[][] how,
            Step[][] step) {
        boolean suffix = layout.positionClass(position) == 's';
        double missing = suffix ? HAN_SUFFIX_MISSING : HAN_MISSING;
        double junk = suffix ? HAN_SUFFIX_JUNK : HAN_JUNK;
        Step unknown = new Step(PlateGrammar.UNKNOWN, 0, 0);
        relax(cost, how, step, i, j + 1, here + missing, HAN_SKIP, unknown);
        int n = symbols.size();
        if (i < n) {
            PlateGrammarSymbol symbol = symbols.get(i);
            Step read = PlateGrammar.substitute(symbol, layout.allowed(position));
            if (read != null) {
                relax(cost, how, step, i + 1, j + 1, here + read.cost(), HAN_ONE, read);
            } else {
                relax(cost, how, step, i + 1, j + 1, here + junk, HAN_ONE, unknown);
            }
            if (i + 1 < n
                    && read == null
                    && PlateGrammar.substitute(symbols.get(i + 1), layout.allowed(position)) == null) {
                relax(cost, how, step, i + 2, j + 1, here + 2 * junk + 0.1, HAN_TWO, unknown);
            }
        }
    }

    private static void relax(double[][] cost, byte[][] how, Step[][] step, int i, int j, double c, byte op, Step s) {
        if (c < cost[i][j] - 1e-12) {
            cost[i][j] = c;
            how[i][j] = op;
            step[i][j] = s;
        }
    }

    private static PlateGrammarAlignment trace(double[][] cost, byte[][] how, Step[][] step, int n, int k) {
        char[] out = new char[k];
        double probabilities = 0;
        int known = 0;
        int i = n;
        int j = k;
        while (i > 0 || j > 0) {
            byte op = how[i][j];
            Step s = step[i][j];
            switch (op) {
                case DROP -> i--;
                case TAKE, HAN_ONE, HAN_TWO, HAN_SKIP -> {
                    out[--j] = s.character();
                    if (s.character() != PlateGrammar.UNKNOWN) {
                        probabilities += s.probability();
                        known++;
                    }
                    i -= op == HAN_SKIP ? 0 : op == HAN_TWO ? 2 : 1;
                }
                default -> throw new IllegalStateException("broken alignment at " + i + "," + j + " op " + op);
            }
        }
        return new PlateGrammarAlignment(new String(out), cost[n][k], probabilities, known);
    }
}
