package vn.bordergate.server.anpr;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateParser;

/**
 * The Vietnamese line network's say in a one-row Vietnamese crop's vote ({@link CropVote}): it reads the whole row
 * without cutting it into glyphs ({@link LineCtc}, {@link VietnameseLine}), so it scores every candidate plate
 * exactly, {@code log P(plate | row)}, where the glyph classifier needs one box per character. Each candidate gets a
 * share of {@link #WEIGHT} votes in proportion to {@code P^TRUST}; the network's own best read, when it is a plate of
 * a kind some read found, is a candidate too.
 */
final class VietnameseLineVote {
    /**
     * How many votes the network's opinion weighs in all (a read votes 0..1): on vn-one-row 1 / 2 / 3 / 5 read 2 147 /
     * 2 160 / 2 169 / 2 165 crops right (main 2 109; docs/anpr.md, branch vnctc).
     */
    static final double WEIGHT = 3.0;

    /**
     * How far the network's likelihoods are trusted: raised to this power before sharing (1 read 2 163 of vn-one-row's
     * crops right against 0.5's 2 169).
     */
    static final double TRUST = 0.5;

    /**
     * How much likelier (in log-likelihood) the network's own plate must be than a plate two reads agreed on for the
     * crop to be read all four ways ({@link CropReader#AGREED}): on vn-one-row 2 169 crops right with it, 2 157
     * without (at weight 2, 1 read as 2).
     */
    static final double OBJECTION = 2.0;

    /** No line read: no say. */
    static final VietnameseLineVote NONE = new VietnameseLineVote((LineNetworks.Reading) null);

    // the line as the network (or networks, LineNetworks) read it; null without a line read
    private final LineNetworks.Reading line;
    // a two-row crop's rows, each read alone (RowVote); null for a one-row crop
    private final VietnameseLineVote top;
    private final VietnameseLineVote bottom;

    /** The say of {@code network} given its log-probabilities of one crop's row ({@code logProbabilities}). */
    VietnameseLineVote(LineCtc network, double[][] logProbabilities) {
        this(LineNetworks.Reading.of(network, logProbabilities));
    }

    /** The say of the networks that read one crop's row ({@code line}). */
    VietnameseLineVote(LineNetworks.Reading line) {
        this(line, null, null);
    }

    private VietnameseLineVote(LineNetworks.Reading line, VietnameseLineVote top, VietnameseLineVote bottom) {
        this.line = line;
        this.top = top;
        this.bottom = bottom;
    }

    /**
     * The say of {@code network} on a two-row crop, given its log-probabilities of the top row ({@code top}) and of
     * the bottom row ({@code bottom}), each read alone: it has no say on the whole plate, only in the row vote.
     */
    static VietnameseLineVote ofRows(LineCtc network, double[][] top, double[][] bottom) {
        return ofRows(LineNetworks.Reading.of(network, top), LineNetworks.Reading.of(network, bottom));
    }

    /** As {@link #ofRows(LineCtc, double[][], double[][])}, each row as the networks read it. */
    static VietnameseLineVote ofRows(LineNetworks.Reading top, LineNetworks.Reading bottom) {
        return new VietnameseLineVote(null, new VietnameseLineVote(top), new VietnameseLineVote(bottom));
    }

    /** Whether the network read a two-row crop's rows ({@link #topRow}, {@link #bottomRow}). */
    boolean readRows() {
        return top != null && bottom != null;
    }

    /** The network's say on a two-row crop's top row; {@link #NONE} for a one-row crop. */
    VietnameseLineVote topRow() {
        return top == null ? NONE : top;
    }

    /** The network's say on a two-row crop's bottom row; {@link #NONE} for a one-row crop. */
    VietnameseLineVote bottomRow() {
        return bottom == null ? NONE : bottom;
    }

    boolean says() {
        return line != null;
    }

    /** The network's own read, repeats collapsed and blanks dropped; "" without a line read. */
    String best() {
        return says() ? line.best() : "";
    }

    /**
     * Whether the network's own read is {@code read}'s Vietnamese plate: on a one-row crop the whole plate, on a
     * two-row crop each row (separators aside).
     */
    boolean confirms(CropRead read) {
        if (!read.found() || read.match().country() != PlateCountry.VN) {
            return false;
        }
        if (readRows()) {
            List<String> rows = read.match().rows();
            return rows.size() == 2
                    && top.best().equals(RowLines.bare(rows.get(0)))
                    && bottom.best().equals(RowLines.bare(rows.get(1)));
        }
        return says() && !read.twoRows() && best().equals(read.text());
    }

    /**
     * Whether the network finds its own read, a valid plate, far likelier than {@code read}'s one-row Vietnamese
     * plate ({@link #OBJECTION}).
     */
    boolean objects(CropRead read) {
        if (readRows()) {
            return rowsObject(read);
        }
        if (!says() || !read.found() || read.twoRows() || read.match().country() != PlateCountry.VN) {
            return false;
        }
        String own = best();
        if (own.equals(read.text()) || PlateParser.tryParse(own).isEmpty()) {
            return false;
        }
        return line.logLikelihood(own) - line.logLikelihood(read.text()) > OBJECTION;
    }

    /**
     * Whether, on a two-row crop, the network's own rows (a valid plate together) are far likelier than {@code
     * read}'s Vietnamese two-row plate's rows ({@link #OBJECTION}, the rows' log-likelihoods summed): two agreeing
     * reads then do not end the read (vn-mixed-silver 763 → 766 crops right).
     */
    private boolean rowsObject(CropRead read) {
        if (!read.found() || read.match().rows().size() != 2 || read.match().country() != PlateCountry.VN) {
            return false;
        }
        String ownTop = top.best();
        String ownBottom = bottom.best();
        String readTop = RowLines.bare(read.match().rows().get(0));
        String readBottom = RowLines.bare(read.match().rows().get(1));
        if ((ownTop.equals(readTop) && ownBottom.equals(readBottom))
                || PlateParser.tryParse(ownTop + ownBottom).isEmpty()) {
            return false;
        }
        double own = network(top, ownTop) + network(bottom, ownBottom);
        double theirs = network(top, readTop) + network(bottom, readBottom);
        return own - theirs > OBJECTION;
    }

    private static double network(VietnameseLineVote row, String text) {
        return row.line.logLikelihood(text);
    }

    /** Each text's share of the network's votes (the shares sum to {@link #WEIGHT}); empty without a line read. */
    Map<String, Double> shares(Collection<String> texts) {
        return shares(texts, WEIGHT);
    }

    /**
     * Each text's share of {@code weight} votes, in proportion to {@code P(text | line)^TRUST}; a text with a
     * character the network does not know gets none; empty without a line read.
     */
    Map<String, Double> shares(Collection<String> texts, double weight) {
        Map<String, Double> logs = new HashMap<>();
        if (!says()) {
            return logs;
        }
        for (String text : texts) {
            double log = line.logLikelihood(text);
            if (log > Double.NEGATIVE_INFINITY) {
                logs.put(text, TRUST * log);
            }
        }
        return VietnameseGlyphVote.sharesOf(logs, weight);
    }

    /**
     * The network's own read as a candidate plate, when it is a valid plate of a kind some read found (that read's
     * layout and standing lent to it); else none.
     */
    Map<String, CropRead> candidate(List<CropRead> reads) {
        String text = best();
        Plate plate = text.isEmpty() ? null : PlateParser.tryParse(text).orElse(null);
        if (plate == null) {
            return Map.of();
        }
        for (CropRead read : reads) {
            if (read.found() && !read.twoRows() && read.match().kind() == plate.kind()) {
                PlateGrammarMatch m = read.match();
                return Map.of(
                        text,
                        new CropRead(
                                new PlateGrammarMatch(text, plate, m.layout(), List.of(text), m.cost(), m.confidence()),
                                read.raw(),
                                read.colour(),
                                false,
                                read.symbols()));
            }
        }
        return Map.of();
    }
}
