package vn.bordergate.server.anpr;

import static vn.bordergate.server.anpr.LineImage.Binarisation.GLOBAL;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import vn.bordergate.common.plate.PlateCountry;

/**
 * Reads a plate crop (a rectified plate, margins allowed): grey with dark text, split into rows, each row
 * cleaned into a line image ({@link LineImage}), read by this thread's Tesseract, and repaired by the plate
 * grammar. A full read prepares the crop four ways (plain, cleaned of frame and specks, contrast-normalised
 * for glare and night, smaller) and keeps the text most of them agree on.
 */
final class CropReader {
    /** Crops smaller than this are not read. */
    static final int MIN_WIDTH = 12;

    static final int MIN_HEIGHT = 6;

    /**
     * A crop read as one row at least this wide for its height is a one-row plate (about 4.3:1 once straightened;
     * a two-row plate is about 1.4:1), so kinds that only come in two rows are not offered to the grammar
     * ({@link CropGrammar#best}).
     */
    static final double ONE_ROW_SHAPE = 3.0;

    /**
     * The first two full reads agreeing on one plate, each at least this confident, end the read: the other two
     * could only outvote them together, which on the dev sets never made a wrong read right more often than it made
     * a right one wrong (see docs/anpr.md, "Early agreement"), and each costs a Tesseract call.
     */
    static final double AGREED = 0.5;

    /**
     * A vote less sure than this gets a fifth, flattened read ({@link #flatTooWanted}): on vn-one-row and
     * vn-mixed-silver 0.5 won 12 and lost 1, 0.65 won 29 and lost 5, 0.8 won 46 and lost 8, every crop 63 and 16.
     */
    static final double FLAT_UNSURE = 0.8;

    /** Whether the line network may stand in for the second read ({@code -Danpr.lineConfirms=false} to measure). */
    static final boolean LINE_CONFIRMS = Boolean.parseBoolean(System.getProperty("anpr.lineConfirms", "true"));

    private final TesseractEngines engines;
    private final ProvinceClassifier provinces;
    private final SerialClassifier serials;
    private final VietnameseGlyphClassifier vietnamese;
    private final ProvinceAsDigits asDigits;
    private final CropLines lines;
    private final ChineseLineRead chineseLine;
    private final LineNetworks vietnameseLine;
    private final LineNetworks vietnameseRows;

    CropReader(TesseractEngines engines) {
        this(engines, null, null);
    }

    /**
     * @param provinces reads the Chinese province glyph; null to leave it {@code ?}
     * @param serials reads the six Latin glyphs of a one-row Chinese plate; null to leave them to Tesseract
     */
    CropReader(TesseractEngines engines, ProvinceClassifier provinces, SerialClassifier serials) {
        this(engines, provinces, serials, serials == null ? null : VietnameseGlyphClassifier.bundled());
    }

    /**
     * @param vietnamese reads the glyphs of a one-row Vietnamese plate to help choose between the reads' plates; null
     *     to leave it to Tesseract
     */
    CropReader(
            TesseractEngines engines,
            ProvinceClassifier provinces,
            SerialClassifier serials,
            VietnameseGlyphClassifier vietnamese) {
        this.engines = engines;
        this.provinces = provinces;
        this.serials = serials;
        this.vietnamese = vietnamese;
        this.asDigits = new ProvinceAsDigits(serials, provinces);
        this.lines = new CropLines(engines);
        this.chineseLine = serials == null ? null : ChineseLineRead.bundled();
        this.vietnameseLine = vietnamese == null ? null : VietnameseLine.bundledLines();
        this.vietnameseRows = vietnamese == null ? null : VietnameseLine.bundledRowLines();
    }

    /** What a BGR crop reads as; {@link CropRead#match()} is null when the text fits no plate layout. */
    CropRead read(Mat bgr, ReadEffort effort) {
        return read(bgr, effort, null);
    }

    /**
     * {@link #read(Mat, ReadEffort)} given the crop's {@link ReadEffort#QUICK} read, when it was read that way already: a
     * full read starts with the same plain read, so it is not read again.
     */
    CropRead read(Mat bgr, ReadEffort effort, CropRead quick) {
        PlateColour colour = PlateColour.of(bgr);
        if (bgr.cols() < MIN_WIDTH || bgr.rows() < MIN_HEIGHT) {
            return new CropRead(null, "", colour, false);
        }
        Mat grey = CropGrey.straight(bgr);
        try {
            if (grey.cols() < MIN_WIDTH || grey.rows() < MIN_HEIGHT) {
                return new CropRead(null, "", colour, false);
            }
            // found once: the rows, the frame edge and the glyph boxes all start from them (a large two-row crop's
            // threshold and components cost about as much as a Tesseract call)
            List<Rect> blobs = PlateRows.characterBlobs(grey);
            CropRead read = read(bgr, grey, blobs, colour, effort, quick);
            if (!DarkCropEdge.wanted(grey, blobs, effort)) {
                return read;
            }
            // its characters merged with a dark edge: read again cut loose of it, the surer read kept (replacing the
            // read outright lost about as many right crops as it won, docs/anpr.md)
            try (Mat loose = DarkCropEdge.cutLoose(grey, blobs.size())) {
                if (loose == null) {
                    return read;
                }
                CropRead cut = read(bgr, loose, PlateRows.characterBlobs(loose), colour, effort, null);
                return DarkCropEdge.surer(read, cut);
            }
        } finally {
            grey.close();
        }
    }

    /** {@link #read(Mat, ReadEffort, CropRead)} of the crop {@code bgr} made grey and straight ({@code grey}). */
    private CropRead read(Mat bgr, Mat grey, List<Rect> blobs, PlateColour colour, ReadEffort effort, CropRead quick) {
        PlateRows rows = PlateRows.of(grey, blobs);
        // a two-row crop's junk reads turned Vietnamese outvoted its good read: only one-row crops (docs/anpr.md)
        boolean colourless = colour == PlateColour.WHITE && !rows.twoRows() && PlateColour.colourless(bgr);
        if (effort == ReadEffort.QUICK && !rows.worthAQuickRead()) {
            // too few character-like marks to be a plate: not worth an OCR call
            return new CropRead(null, "", colour, rows.twoRows());
        }
        // the province glyph is classified once per crop, when a read first needs it, and offered to the grammar
        CropProvince province = new CropProvince(provinces, serials, grey, rows);
        ChineseStandIn standIn = new ChineseStandIn(serials, provinces, chineseLine, grey, rows);
        // the frame's side left of a two-row plate's bottom row, when the top row shows where the plate starts
        int bottomStart = FrameEdge.bottomRowStart(blobs, rows);
        // a top row joined to the frame above is read from the crop flattened (JoinedTopRow); null: from grey
        Mat topGrey = JoinedTopRow.flattenedIfJoined(grey, blobs, rows, effort);
        try {
            List<CropRead> reads = new ArrayList<>();
            // the Vietnamese glyph classifier's say (a two-row crop's bottom row, and its top row), read when needed
            List<double[]> vnGlyphs = null;
            List<double[]> vnTop = List.of();
            // the line network's say on a one-row crop some read made Vietnamese, read once when first needed
            VietnameseLineVote line = null;
            boolean whole = effort == ReadEffort.CROP;
            for (LineImage.Binarisation binarisation : effort.binarisations) {
                CropRead next = quick != null ? RimmedPlainRead.known(quick, binarisation, colour) : null;
                if (next == null) {
                    next = lines.read(
                            grey, topGrey, rows, bottomStart, colour, colourless, binarisation, province, effort);
                }
                if (RimmedPlainRead.readAgain(effort, binarisation, next, rows)) {
                    next = lines.read(grey, topGrey, rows, bottomStart, colour, colourless, GLOBAL, province, effort)
                            .inPlaceOfABlankPlainRead();
                }
                reads.add(next);
                CropRead confirmed = reads.size() == 1 && effort != ReadEffort.QUICK
                        ? standIn.confirmed(next, bgr, colour, province)
                        : null;
                if (confirmed != null) {
                    return confirmed;
                }
                // the first read and the line network reading the same one-row Vietnamese plate end the read as two
                // agreeing reads do: the network reads the row whole, a second opinion that costs no Tesseract call
                // (on two-row crops it confirmed two wrong top-row letters, M → H and G → C, on vn-mixed-silver)
                boolean lineFirst = LINE_CONFIRMS
                        && reads.size() == 1
                        && effort != ReadEffort.QUICK
                        && !rows.twoRows()
                        && vietnamese(next)
                        && agreed(next, next);
                if ((lineFirst || reads.size() == 2 && agreed(reads.get(0), reads.get(1)))
                        && !ChineseGlyphRead.wanted(serials, rows, colour, reads.get(0))) {
                    if (vnGlyphs == null) {
                        vnGlyphs = vietnameseGlyphs(grey, blobs, rows.twoRows() ? rows.bottom() : rows.top(), effort);
                        vnTop = vietnameseGlyphs(grey, blobs, rows.twoRows() ? rows.top() : null, effort);
                    }
                    if (line == null) {
                        line = lineVote(grey, rows, effort, reads);
                    }
                    // unless the classifier doubts a character of the plate both agree on: then all four read
                    // or its boxes show one character more than that plate (a character both dropped), or it is a
                    // military plate whose H or N may be an M both faded (OneWayConfusion)
                    if ((!lineFirst || line.confirms(next))
                            && !VietnameseGlyphVote.objects(vnGlyphs, vnTop, reads.get(0))
                            && !VietnameseGlyphVote.oneBoxMore(vnGlyphs, reads.get(0))
                            && !line.objects(reads.get(0))
                            && !OneWayConfusion.mayBeM(reads.get(0))) {
                        if (lineFirst) {
                            return asDigits.checked(next, bgr, grey, rows, colour, province, effort);
                        }
                        CropRead surer =
                                reads.get(0).confidence() >= reads.get(1).confidence() ? reads.get(0) : reads.get(1);
                        return asDigits.checked(surer, bgr, grey, rows, colour, province, effort);
                    }
                }
            }
            if (effort == ReadEffort.CROP && reads.stream().noneMatch(CropRead::found)) {
                reads.add(flatRead(grey, rows, colour, colourless, province));
            }
            // the classifier only has a say on a Vietnamese plate (CropVote): a crop no read made Vietnamese skips it
            if (vnGlyphs == null && reads.stream().anyMatch(CropReader::vietnamese)) {
                vnGlyphs = vietnameseGlyphs(grey, blobs, rows.twoRows() ? rows.bottom() : rows.top(), effort);
                vnTop = vietnameseGlyphs(grey, blobs, rows.twoRows() ? rows.top() : null, effort);
            } else if (vnGlyphs == null) {
                vnGlyphs = List.of();
            }
            if (line == null) {
                line = lineVote(grey, rows, effort, reads);
            }
            CropRead voted = CropVote.of(reads, vnGlyphs, vnTop, engines.english(), line);
            if (flatTooWanted(effort, reads, voted)) {
                reads.add(flatRead(grey, rows, colour, colourless, province));
                voted = CropVote.of(reads, vnGlyphs, vnTop, engines.english(), line);
            }
            if (effort != ReadEffort.QUICK && ChineseGlyphRead.wanted(serials, rows, colour, voted)) {
                ChineseGlyphRead.Placed placed = standIn.placed(bgr, colour, province);
                if (placed != null) {
                    CropRead glyphs = placed.read();
                    reads.add(glyphs);
                    CropRead chosen =
                            ChineseGlyphRead.withItsProvince(CropVote.of(reads, glyphs, placed.weight()), glyphs);
                    return standIn.withLine(UnsureGlyphs.mended(chosen, glyphs, reads), reads, colour);
                }
                return standIn.withLine(
                        asDigits.checked(voted, bgr, grey, rows, colour, province, effort), reads, colour);
            }
            return asDigits.checked(voted, bgr, grey, rows, colour, province, effort);
        } finally {
            if (topGrey != null) {
                topGrey.close();
            }
        }
    }

    /**
     * The Vietnamese glyph classifier's probabilities per character box of the row {@code band} of a crop read fully
     * (a one-row crop's row, a two-row crop's bottom row: its digits, or its top row); else none.
     */
    private List<double[]> vietnameseGlyphs(Mat grey, List<Rect> blobs, Rect band, ReadEffort effort) {
        return vietnamese != null && effort != ReadEffort.QUICK && band != null
                ? vietnamese.read(grey, blobs, band)
                : List.of();
    }

    /**
     * The line network's say on a one-row crop read fully that some read made Vietnamese: it reads the row whole,
     * where the glyph classifier needs a box per character; else none.
     */
    private VietnameseLineVote lineVote(Mat grey, PlateRows rows, ReadEffort effort, List<CropRead> reads) {
        return effort != ReadEffort.QUICK && reads.stream().anyMatch(CropReader::vietnamese)
                ? VietnameseLine.vote(vietnameseLine, vietnameseRows, grey, rows)
                : VietnameseLineVote.NONE;
    }

    /**
     * Whether a crop read four ways whose vote is still unsure ({@link #FLAT_UNSURE}) is also read flattened against its
     * background: an uneven light (a shadow's edge, a dark corner) splits a row's one threshold, and the four reads then
     * agree on little (docs/anpr.md, "An unsure vote read flattened too"). Only crops: a finder region would pay it in
     * every busy frame.
     */
    static boolean flatTooWanted(ReadEffort effort, List<CropRead> reads, CropRead voted) {
        return effort == ReadEffort.CROP
                && reads.size() == ReadEffort.CROP.binarisations.size()
                && voted.found()
                && voted.confidence() < FLAT_UNSURE;
    }

    /** A plain read of the crop flattened against its background ({@link CropGrey#flattened}): shadows, light. */
    private CropRead flatRead(Mat grey, PlateRows rows, PlateColour colour, boolean colourless, CropProvince province) {
        try (Mat flat = CropGrey.flattened(grey, rows.top().height())) {
            PlateRows flatRows = PlateRows.of(flat);
            int start = FrameEdge.bottomRowStart(flat, flatRows);
            return lines.read(
                    flat,
                    null,
                    flatRows,
                    start,
                    colour,
                    colourless,
                    LineImage.Binarisation.PLAIN,
                    province,
                    ReadEffort.CROP);
        }
    }

    /**
     * Whether two reads give one plate, both confidently enough, and of a kind the crop's colour does not make
     * unlikely (a blue Chinese plate read twice as Vietnamese is still read four ways), to skip the remaining reads.
     */
    static boolean agreed(CropRead first, CropRead second) {
        return first.found()
                && first.text().equals(second.text())
                && Math.min(first.confidence(), second.confidence()) >= AGREED
                && first.colour().unlikely(first.match().kind()) == 0;
    }

    private static boolean vietnamese(CropRead read) {
        return read.found() && read.match().country() == PlateCountry.VN;
    }
}
