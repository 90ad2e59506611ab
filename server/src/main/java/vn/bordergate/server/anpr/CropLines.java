package vn.bordergate.server.anpr;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import vn.bordergate.common.plate.PlateGrammarMatch;

/**
 * One of a crop's reads: each of its rows made a line image with one binarisation ({@link LineImage}), read by this
 * thread's Tesseract, and the rows fitted to the plate grammar. {@link CropReader} decides which reads a crop gets and
 * votes between them.
 */
final class CropLines {
    private final TesseractEngines engines;

    CropLines(TesseractEngines engines) {
        this.engines = engines;
    }

    /** {@code topGrey}: the grey image a two-row crop's top row is read from ({@link JoinedTopRow}); null for grey. */
    CropRead read(
            Mat grey,
            Mat topGrey,
            PlateRows rows,
            int bottomStart,
            PlateColour colour,
            boolean colourless,
            LineImage.Binarisation binarisation,
            CropProvince province,
            ReadEffort effort) {
        TesseractEngine engine = engines.forCurrentThread();
        boolean whole = effort == ReadEffort.CROP;
        List<Rect> bands = TwoRowQuickRead.bands(rows, effort);
        LineRead[] byRow = new LineRead[bands.size()]; // top first, whatever the order read
        for (Rect band : bands) {
            int row = band == rows.bottom() ? 1 : 0;
            if (row == 0 && byRow.length == 2 && byRow[1] != null && TwoRowQuickRead.endsAt(byRow[1])) {
                return TwoRowQuickRead.ended(byRow[1], colour); // a quick read's bottom row, read first, holds no plate
            }
            // a frame edge read as a stray 1 is a two-row plate's bottom-row error; erasing edges elsewhere lost more
            boolean bottom = band == rows.bottom();
            // a two-row plate's top row lies right under the frame's top edge, which the threshold joins to it
            Mat line = LineImage.of(
                    bottom || topGrey == null || !JoinedTopRow.readsFlattened(binarisation) ? grey : topGrey,
                    band,
                    binarisation,
                    bottom,
                    bottom ? bottomStart : -1,
                    rows.twoRows() && !bottom);
            if (line == null) {
                byRow[row] = LineRead.empty();
                continue;
            }
            try {
                // Tesseract's inverted second pass runs on every doubtful line and a frame's regions are mostly junk
                // (signs, grilles, lights): ~3 ms a frame. A crop is a plate: the pass runs rarely and now and then
                // reads one whose polarity was misjudged (docs/anpr.md, "Frame time: the inverted pass")
                LineRead read = engine.readLine(line, whole);
                if (whole) { // a row too short for its plate, read inside a box the frame made (not in frames)
                    read = FrameBottom.readAgain(engine, grey, rows, band, binarisation, bottomStart, read, colour);
                }
                if (rows.twoRows() && band == rows.top()) {
                    read = new LineRead(read.text(), SeriesDigit.preferOne(read.symbols()));
                }
                byRow[row] = read;
            } finally {
                line.close();
            }
        }
        List<LineRead> lines = List.of(byRow);
        String raw =
                lines.stream().map(LineRead::text).reduce((a, b) -> a + "/" + b).orElse("");
        PlateGrammarMatch best = CropGrammar.best(
                lines,
                rows.twoRows(),
                grey.cols() >= CropReader.ONE_ROW_SHAPE * grey.rows(),
                colour,
                colourless,
                province);
        return new CropRead(
                best,
                raw,
                colour,
                rows.twoRows(),
                rows.twoRows() ? List.of() : lines.get(0).symbols(),
                false,
                rows.twoRows() ? List.of(lines.get(0).symbols(), lines.get(1).symbols()) : List.of());
    }
}
