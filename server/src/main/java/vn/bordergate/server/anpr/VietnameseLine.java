package vn.bordergate.server.anpr;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The line image the Vietnamese line network ({@code vn-line-ctc.onnx}, {@link LineCtc}) reads: the grey row band of a
 * one-row crop as the reader finds it ({@link CropGrey#straight}, {@link PlateRows}), unbinarised, so the network sees
 * what a threshold would lose on a blurred or low crop. Its training lines ({@link VietnameseLineSamples}) and its
 * measurement are cut by this same code.
 */
final class VietnameseLine {
    /** The network's input: a one-row band is about 4.5 times as wide as high on vn-one-row. */
    static final int WIDTH = 144;

    static final int HEIGHT = 32;

    /** The characters of a Vietnamese plate's rows, as the glyph classifier's. */
    static final String ALPHABET = VietnameseGlyphClassifier.CLASSES;

    /** The trained network beside this class ({@code server/tools/train_vn_line_ctc.py}). */
    static final String RESOURCE = "vn-line-ctc.onnx";

    /**
     * The same network trained on one-row lines and two-row plates' rows (branch vnrows): it reads vn-mixed-silver's
     * rows better (top 494 → 601, bottom 607 → 621 of 675) but one-row lines a little worse (2 083 → 2 060 of 2 273),
     * so it reads only two-row crops.
     */
    static final String ROW_RESOURCE = "vn-row-ctc.onnx";

    /**
     * A second row network, trained longer on more lines and rows from another seed (branch vnseed: 25 000 plates, 6
     * epochs): alone it reads vn-one-row's lines 2 114 of 2 273 and vn-mixed-silver's rows top 611 / bottom 620 of
     * 675, and it joins both line networks' products ({@link #LINES}, {@link #ROWS}).
     */
    static final String SECOND_ROW_RESOURCE = "vn-row-ctc-2.onnx";

    /**
     * The networks that read one-row lines together ({@link LineNetworks}), resources beside this class,
     * comma-separated: alone on vn-one-row's lines 2 083 and 2 114, together 2 153 of 2 273; a second one-row seed
     * instead of the row network 2 139 (branch vnseed).
     */
    static final String LINES = System.getProperty("anpr.vnLines", RESOURCE + "," + SECOND_ROW_RESOURCE);

    /**
     * The networks that read two-row crops' rows together, as {@link #LINES}: on vn-mixed-silver's rows top
     * (stretched) 601 / 611 alone, 616 together; bottom (padded) 621 / 620 alone, 627 together.
     */
    static final String ROWS = System.getProperty("anpr.vnRowLines", ROW_RESOURCE + "," + SECOND_ROW_RESOURCE);

    private VietnameseLine() {}

    /** The bundled network. */
    static LineCtc bundled() {
        return LineCtc.load(RESOURCE, WIDTH, HEIGHT, ALPHABET);
    }

    /** The bundled network for two-row crops' rows. */
    static LineCtc bundledRows() {
        return LineCtc.load(ROW_RESOURCE, WIDTH, HEIGHT, ALPHABET);
    }

    /** The bundled networks that read one-row lines together ({@link #LINES}). */
    static LineNetworks bundledLines() {
        return networks(LINES);
    }

    /** The bundled networks that read two-row crops' rows together ({@link #ROWS}). */
    static LineNetworks bundledRowLines() {
        return networks(ROWS);
    }

    /** Networks read together from ONNX files, comma-separated (for measuring). */
    static LineNetworks files(String files) throws java.io.IOException {
        List<LineCtc> networks = new java.util.ArrayList<>();
        for (String file : files.split(",")) {
            networks.add(LineCtc.read(
                    java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file.strip())), WIDTH, HEIGHT, ALPHABET));
        }
        return LineNetworks.of(networks.toArray(LineCtc[]::new));
    }

    private static LineNetworks networks(String resources) {
        return LineNetworks.of(java.util.Arrays.stream(resources.split(","))
                .map(String::strip)
                .map(resource -> LineCtc.load(resource, WIDTH, HEIGHT, ALPHABET))
                .toArray(LineCtc[]::new));
    }

    /**
     * The network's say on a crop ({@link VietnameseLineVote}): on a one-row crop's row, or on each row of a two-row
     * crop alone. A two-row crop's top row is stretched to the line's shape, its bottom row padded (read alone on
     * vn-mixed-silver's 675 crops cut in two rows: top 494 stretched, 467 padded; bottom 564 stretched, 607 padded;
     * {@link VietnameseRowMeasure}).
     */
    static VietnameseLineVote vote(LineCtc network, Mat grey, PlateRows rows) {
        LineNetworks networks = LineNetworks.of(network);
        return vote(networks, networks, grey, rows);
    }

    /** As {@link #vote(LineCtc, Mat, PlateRows)}, read by {@code lines}, a two-row crop's rows by {@code rowLines}. */
    static VietnameseLineVote vote(LineNetworks lines, LineNetworks rowLines, Mat grey, PlateRows rows) {
        if (rowLines != null && rows.twoRows()) {
            List<LineNetworks.Reading> read =
                    rowLines.read(List.of(input(grey, rows.top()), rowInput(grey, rows.bottom(), false)));
            return VietnameseLineVote.ofRows(read.get(0), read.get(1));
        }
        float[] input = lines == null ? null : input(grey, rows);
        return input == null
                ? VietnameseLineVote.NONE
                : new VietnameseLineVote(lines.read(List.of(input)).get(0));
    }

    /** The network's input for a one-row crop's straight grey image and rows; null for a two-row crop. */
    static float[] input(Mat grey, PlateRows rows) {
        if (rows.twoRows()) {
            return null;
        }
        return input(grey, rows.top());
    }

    /**
     * The network's input for one row of a two-row crop ({@code band} of its straight grey image): the row placed on a
     * light canvas of the one-row line's shape, so its glyphs keep the shape the network learnt instead of being
     * stretched across the whole line; {@code centred} places it in the middle, else at the left.
     */
    static float[] rowInput(Mat grey, Rect band, boolean centred) {
        int width = Math.max(band.width(), (int) Math.round(band.height() * (double) WIDTH / HEIGHT));
        try (Mat row = new Mat(grey, band);
                Mat canvas = new Mat(band.height(), width, grey.type(), new Scalar(light(row)))) {
            int left = centred ? (width - band.width()) / 2 : 0;
            try (Rect at = new Rect(left, 0, band.width(), band.height());
                    Mat place = new Mat(canvas, at)) {
                row.copyTo(place);
            }
            return LineCtc.input(canvas, WIDTH, HEIGHT);
        }
    }

    /** The plate's background grey in a row: its 90th percentile (the glyphs are dark and cover less than that). */
    private static double light(Mat row) {
        int[] counts = new int[256];
        try (UByteIndexer px = row.createIndexer()) {
            for (int y = 0; y < row.rows(); y++) {
                for (int x = 0; x < row.cols(); x++) {
                    counts[px.get(y, x)]++;
                }
            }
        }
        int wanted = (int) (0.9 * row.rows() * row.cols());
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += counts[v];
            if (seen > wanted) {
                return v;
            }
        }
        return 255;
    }

    /** The network's input for the band {@code band} of a straight grey crop. */
    static float[] input(Mat grey, Rect band) {
        try (Mat line = new Mat(grey, band)) {
            return LineCtc.input(line, WIDTH, HEIGHT);
        }
    }
}
