package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;
import vn.bordergate.server.anpr.synthetic.RandomPlates;
import vn.bordergate.server.anpr.synthetic.RenderedPlate;

/**
 * Writes the training lines of the Chinese line network ({@code server/tools/train_cn_line_ctc.py}): each crop made
 * grey and straight and cut into its row band by the reader's own code ({@link CropGrey#straight}, {@link PlateRows},
 * {@link ChineseLineRead#input}), labelled with the whole plate (province glyph and six Latin characters; the trainer
 * may drop the province). Files, all {@link LineCtc#writeSamples} over {@link ChineseLineRead#LABELS}:
 *
 * <ul>
 *   <li>{@code train.bin}: the even-numbered cn-crops photos (Apache-2.0) but every fifth, each {@code REPEATS} times
 *       warped a little (shift, tighter or looser cut, perspective, lower resolution), and synthetic standard Chinese
 *       plates degraded like {@link PlateLineSet}'s heavy lines;
 *   <li>{@code val.bin}: every fifth even-numbered photo, as it is (held back from training, picks the epoch);
 *   <li>{@code odd.bin}: the odd-numbered photos as they are: measured only, never trained on or used to choose.
 * </ul>
 *
 * <p>Usage: {@code ChineseLineSamples OUT_DIR SYNTHETIC_PLATES REPEATS SEED CN_CROPS_DIR}.
 */
public final class ChineseLineSamples {
    private final Random random;
    private final PlateRenderer renderer = new PlateRenderer();
    private final List<float[]> inputs = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private int skipped;
    private int realLines;

    private ChineseLineSamples(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: ChineseLineSamples OUT_DIR SYNTHETIC_PLATES REPEATS SEED CN_CROPS_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        int synthetic = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Path crops = Path.of(args[4]);
        ChineseLineSamples train = new ChineseLineSamples(seed);
        train.real(crops, Half.TRAIN, repeats);
        train.realLines = train.inputs.size();
        for (int i = 0; i < synthetic; i++) {
            train.synthetic();
        }
        train.write(out.resolve("train.bin"));
        // the real lines come first: the trainer draws them and the renders in set shares
        Files.writeString(out.resolve("train.count"), train.realLines + " real lines first\n");
        Files.writeString(out.resolve("alphabet.txt"), ChineseLineRead.LABELS + "\n", StandardCharsets.UTF_8);
        ChineseLineSamples val = new ChineseLineSamples(seed);
        val.real(crops, Half.VALIDATION, 1);
        val.write(out.resolve("val.bin"));
        ChineseLineSamples odd = new ChineseLineSamples(seed);
        odd.real(crops, Half.ODD, 1);
        odd.write(out.resolve("odd.bin"));
    }

    /** Which photos: the even half's training and validation parts, or the held-out odd half. */
    enum Half {
        TRAIN,
        VALIDATION,
        ODD;

        static Half of(Path image) {
            if (ProvinceClassifierTrainer.heldOut(image)) {
                return ODD;
            }
            int number = Integer.parseInt(image.getFileName().toString().replaceAll("\\D", ""));
            return number / 2 % 5 == 0 ? VALIDATION : TRAIN;
        }
    }

    private void write(Path file) throws IOException {
        LineCtc.writeSamples(
                file, ChineseLineRead.WIDTH, ChineseLineRead.HEIGHT, inputs, texts, ChineseLineRead.LABELS);
        System.out.printf("%s lines=%d skipped=%d%n", file.getFileName(), inputs.size(), skipped);
    }

    private void real(Path dir, Half half, int repeats) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8)) {
            String[] cells = line.split(",");
            if (cells.length < 3 || cells[0].equals("file") || Half.of(dir.resolve(cells[0])) != half) {
                continue;
            }
            String text = cells[2];
            if (!text.chars().allMatch(c -> ChineseLineRead.LABELS.indexOf(c) >= 0)) {
                skipped++;
                continue;
            }
            Mat image = ImageDecoder.read(dir.resolve(cells[0])).orElse(null);
            if (image == null) {
                skipped++;
                continue;
            }
            try {
                for (int k = 0; k < repeats; k++) {
                    Mat copy = half == Half.TRAIN && k > 0 ? warped(image) : image.clone();
                    try {
                        add(copy, text);
                    } finally {
                        copy.close();
                    }
                }
            } finally {
                image.close();
            }
        }
    }

    private void synthetic() {
        Plate plate = RandomPlates.next(random, PlateKind.CN_STANDARD);
        List<PlateStyle> styles = PlateStyle.choices(plate);
        PlateStyle style = styles.get(random.nextInt(styles.size()));
        double finalHeight = 15 + random.nextDouble() * 40;
        RenderedPlate rendered = renderer.render(plate, style, 3 * finalHeight / style.heightMm(plate));
        Mat crop = PlateLineDegradation.degrade(
                rendered.image(), finalHeight / rendered.image().getHeight(), random, false);
        try {
            add(crop, plate.normalized());
        } finally {
            crop.close();
        }
    }

    /** The crop's line input under {@code text}, as the reader cuts it; skipped when the reader sees two rows. */
    private void add(Mat bgr, String text) {
        try (Mat grey = CropGrey.straight(bgr)) {
            if (grey.cols() < CropReader.MIN_WIDTH || grey.rows() < CropReader.MIN_HEIGHT) {
                skipped++;
                return;
            }
            float[] input = ChineseLineRead.input(grey, PlateRows.of(grey));
            if (input == null) {
                skipped++;
                return;
            }
            inputs.add(input);
            texts.add(text);
        }
    }

    /**
     * A real crop cut a little differently: its corners moved by up to 4 % of the width and 12 % of the height
     * (shift, tighter or looser cut, tilt, perspective), sometimes at a lower resolution.
     */
    private Mat warped(Mat crop) {
        int w = crop.cols();
        int h = crop.rows();
        try (Point2f from = new Point2f(4);
                Point2f to = new Point2f(4)) {
            float[][] corners = {{0, 0}, {w - 1, 0}, {w - 1, h - 1}, {0, h - 1}};
            for (int i = 0; i < 4; i++) {
                from.position(i).x(corners[i][0]).y(corners[i][1]);
                float dx = (float) ((random.nextDouble() * 2 - 1) * 0.04 * w);
                float dy = (float) ((random.nextDouble() * 2 - 1) * 0.12 * h);
                to.position(i).x(corners[i][0] + dx).y(corners[i][1] + dy);
            }
            from.position(0);
            to.position(0);
            Mat out = new Mat();
            try (Mat m = getPerspectiveTransform(from, to)) {
                warpPerspective(crop, out, m, new Size(w, h), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
            }
            if (random.nextDouble() < 0.4) {
                double scale = 0.5 + random.nextDouble() * 0.4;
                try (Mat small = new Mat()) {
                    resize(
                            out,
                            small,
                            new Size((int) Math.round(w * scale), (int) Math.round(h * scale)),
                            0,
                            0,
                            INTER_AREA);
                    resize(small, out, new Size(w, h), 0, 0, INTER_LINEAR);
                }
            }
            return out;
        }
    }
}
