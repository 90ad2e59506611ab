package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.server.anpr.synthetic.PlateArtwork;
import vn.bordergate.server.anpr.synthetic.PlateLayout;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;
import vn.bordergate.server.anpr.synthetic.RandomPlates;
import vn.bordergate.server.anpr.synthetic.RenderedPlate;

/**
 * Writes the training lines of the plate model ({@code server/tools/train_plate_model.sh}): synthetic plates,
 * degraded by {@link PlateLineDegradation}, and optionally the even-numbered cn-crops photos (Apache-2.0), each
 * cut into rows and line images by the reader's own code ({@link CropReader#straightGrey}, {@link PlateRows},
 * {@link LineImage}), so the model learns exactly the images it is given at run time. Every line becomes
 * {@code NAME.png} and a Tesseract line box file {@code NAME.box} (one file per line: the same lines packed as
 * pages of one multi-page TIFF did not train, the net stayed at 100 % character errors). The text holds only plate
 * letters and digits: separators and Han characters are left for the model to skip (the province classifier
 * reads the province).
 *
 * <p>Usage: {@code PlateLineSet OUT_DIR SYNTHETIC_PLATES SEED mild|heavy [CN_CROPS_DIR]}: {@code mild} renders
 * clean plates 28 px high and up (a model trained from scratch learns the glyphs from them first), {@code heavy}
 * the full degradation down to 15 px.
 */
public final class PlateLineSet {
    /** Plate kinds and how often each is drawn (VN and CN trucks at the gate, some of every other kind). */
    private static final List<PlateKind> KINDS = List.of(
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_MOTORBIKE,
            PlateKind.VN_MOTORBIKE,
            PlateKind.VN_TRAILER,
            PlateKind.VN_MILITARY,
            PlateKind.VN_DIPLOMATIC,
            PlateKind.CN_STANDARD,
            PlateKind.CN_STANDARD,
            PlateKind.CN_STANDARD,
            PlateKind.CN_STANDARD,
            PlateKind.CN_NEW_ENERGY,
            PlateKind.CN_TRAILER,
            PlateKind.CN_COACH,
            PlateKind.CN_CROSS_BORDER);

    /** Real photos are fewer than renders; each is cut a few times with small shifts. */
    private static final int REAL_REPEATS = 2;

    private final Path out;
    private final Random random;
    private final PlateRenderer renderer = new PlateRenderer();
    private int written;
    private int skipped;

    private final boolean mild;

    private PlateLineSet(Path out, long seed, boolean mild) {
        this.out = out;
        this.random = new Random(seed);
        this.mild = mild;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4 || !args[3].matches("mild|heavy")) {
            System.err.println("usage: PlateLineSet OUT_DIR SYNTHETIC_PLATES SEED mild|heavy [CN_CROPS_DIR]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        PlateLineSet set = new PlateLineSet(out, Long.parseLong(args[2]), args[3].equals("mild"));
        int plates = Integer.parseInt(args[1]);
        for (int i = 0; i < plates; i++) {
            set.synthetic("s" + i);
        }
        if (args.length > 4) {
            set.realEvenCrops(Path.of(args[4]));
        }
        System.out.printf("lines=%d skipped_plates=%d%n", set.written, set.skipped);
    }

    private void synthetic(String name) throws IOException {
        Plate plate = RandomPlates.next(random, KINDS.get(random.nextInt(KINDS.size())));
        List<PlateStyle> styles = PlateStyle.choices(plate);
        PlateStyle style = styles.get(random.nextInt(styles.size()));
        boolean twoRows = style.layout() == PlateLayout.TWO_ROW;
        // drawn at three times the final size, then degraded down to it
        double least = mild ? 28 : 15;
        double finalHeight = twoRows ? 2 * least + random.nextDouble() * 70 : least + random.nextDouble() * 45;
        double pxPerMm = 3 * finalHeight / style.heightMm(plate);
        RenderedPlate rendered = renderer.render(plate, style, pxPerMm);
        List<String> rows = rowTexts(rendered.artwork(), twoRows);
        Mat crop = PlateLineDegradation.degrade(
                rendered.image(), finalHeight / rendered.image().getHeight(), random, mild);
        try {
            if (!lines(crop, rows, name)) {
                skipped++;
            }
        } finally {
            crop.close();
        }
    }

    /** The plate letters and digits of each row, top row first. */
    static List<String> rowTexts(PlateArtwork art, boolean twoRows) {
        StringBuilder top = new StringBuilder();
        StringBuilder bottom = new StringBuilder();
        for (PlateArtwork.Glyph glyph : art.glyphs()) {
            if (!plateCharacter(glyph.codePoint())) {
                continue;
            }
            boolean lower = twoRows && glyph.cell().getCenterY() > art.heightMm() / 2;
            (lower ? bottom : top).appendCodePoint(glyph.codePoint());
        }
        return twoRows ? List.of(top.toString(), bottom.toString()) : List.of(top.toString());
    }

    private static boolean plateCharacter(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    /** The even-numbered cn-crops photos (the odd ones are held out for measuring). */
    private void realEvenCrops(Path dir) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8)) {
            String[] cells = line.split(",");
            if (cells.length < 3 || !cells[0].matches(".*_\\d*[02468]\\.jpg")) {
                continue;
            }
            String latin = cells[2].codePoints()
                    .filter(PlateLineSet::plateCharacter)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            Mat image = ImageDecoder.read(dir.resolve(cells[0])).orElse(null);
            if (image == null || latin.length() < 5) {
                continue;
            }
            try {
                for (int k = 0; k < REAL_REPEATS; k++) {
                    String name = "r" + cells[0].replaceAll("\\D", "") + "_" + k;
                    Mat copy = k == 0 ? image.clone() : PlateLineDegradation.shifted(image, random);
                    try {
                        if (!lines(copy, List.of(latin), name)) {
                            skipped++;
                        }
                    } finally {
                        copy.close();
                    }
                }
            } finally {
                image.close();
            }
        }
    }

    /**
     * Cuts a BGR crop into rows the way the reader does and writes each row's four line images; false (nothing
     * written) when the reader would see another number of rows than the plate has.
     */
    private boolean lines(Mat crop, List<String> rows, String name) throws IOException {
        Mat grey = CropGrey.straight(crop);
        try {
            if (grey.cols() < CropReader.MIN_WIDTH || grey.rows() < CropReader.MIN_HEIGHT) {
                return false;
            }
            PlateRows found = PlateRows.of(grey);
            if (found.twoRows() != (rows.size() == 2)) {
                return false;
            }
            List<Rect> bands = found.twoRows() ? List.of(found.top(), found.bottom()) : List.of(found.top());
            for (int r = 0; r < bands.size(); r++) {
                for (LineImage.Binarisation b : LineImage.Binarisation.values()) {
                    Mat line = LineImage.of(grey, bands.get(r), b);
                    if (line != null) {
                        write(line, rows.get(r), name + "_" + r + "_" + b.ordinal());
                        line.close();
                    }
                }
            }
            return true;
        } finally {
            grey.close();
        }
    }

    private void write(Mat line, String text, String name) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        imwrite(out.resolve(name + ".png").toString(), line);
        // Tesseract's line box format: every character boxed by the whole line, then an end-of-line tab
        StringBuilder box = new StringBuilder();
        String whole = " 0 0 " + line.cols() + " " + line.rows() + " 0\n";
        text.codePoints().forEach(c -> box.appendCodePoint(c).append(whole));
        box.append('\t').append(whole);
        Files.writeString(out.resolve(name + ".box"), box, StandardCharsets.UTF_8);
        written++;
    }
}
