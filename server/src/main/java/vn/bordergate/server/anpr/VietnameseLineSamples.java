package vn.bordergate.server.anpr;

import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.server.anpr.synthetic.PlateLayout;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;
import vn.bordergate.server.anpr.synthetic.PlateTypesetter;
import vn.bordergate.server.anpr.synthetic.RandomPlates;
import vn.bordergate.server.anpr.synthetic.RenderedPlate;

/**
 * Writes the training lines of the Vietnamese line network ({@code server/tools/train_vn_line_ctc.py}): synthetic
 * one-row Vietnamese plates, their letters and digits drawn in the bundled face or one of the real-looking faces of
 * {@code server/tools/plate-fonts} (they made the glyph network work on real photos), degraded as the plate model's
 * lines are ({@link PlateLineDegradation}) and cut by the reader's own code ({@link VietnameseLine}). A share of the
 * plates ({@code ROW_SHARE}, default none) is drawn in a two-row style instead and gives both its rows, each exactly as
 * the row vote hands it to the network ({@link VietnameseLine#vote}): the row network's training lines
 * ({@link VietnameseLine#ROW_RESOURCE}). Only renders: the vn-* photo sets are for measuring.
 *
 * <pre>
 * java -cp … vn.bordergate.server.anpr.VietnameseLineSamples OUT.bin PLATES SEED server/tools/plate-fonts [ROW_SHARE]
 * </pre>
 */
public final class VietnameseLineSamples {
    /** Plate kinds with one-row styles, cars most often (as at the gate and in vn-one-row). */
    private static final List<PlateKind> KINDS = List.of(
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_TRAILER,
            PlateKind.VN_MILITARY,
            PlateKind.VN_DIPLOMATIC);

    /** Plate kinds with two-row styles, motorbikes most often (as in vn-mixed-silver). */
    private static final List<PlateKind> ROW_KINDS = List.of(
            PlateKind.VN_MOTORBIKE,
            PlateKind.VN_MOTORBIKE,
            PlateKind.VN_MOTORBIKE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_VEHICLE,
            PlateKind.VN_TRAILER);

    /** Share of plates drawn in the bundled face rather than a real-looking one. */
    private static final double BUNDLED_FACE = 0.25;

    /** Share of plates only mildly degraded (clean lines teach the glyphs first). */
    private static final double MILD = 0.15;

    /** Share of lines cut close to their characters ({@link #cut}). */
    private static final double TIGHT = 0.7;

    private VietnameseLineSamples() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: VietnameseLineSamples OUT.bin PLATES SEED PLATE_FONTS_DIR [ROW_SHARE]");
            System.exit(2);
        }
        Random random = new Random(Long.parseLong(args[2]));
        List<PlateRenderer> renderers = new ArrayList<>();
        renderers.add(new PlateRenderer());
        for (Font font : VietnameseGlyphRenders.fonts(Path.of(args[3]))) {
            renderers.add(new PlateRenderer(new PlateTypesetter(font)));
        }
        int plates = Integer.parseInt(args[1]);
        double rowShare = args.length == 5 ? Double.parseDouble(args[4]) : 0.0;
        List<float[]> inputs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < plates; i++) {
            PlateRenderer renderer = random.nextDouble() < BUNDLED_FACE
                    ? renderers.get(0)
                    : renderers.get(1 + random.nextInt(renderers.size() - 1));
            if (rowShare > 0 && random.nextDouble() < rowShare) {
                rows(renderer, random, inputs, texts);
            } else {
                line(renderer, random, inputs, texts);
            }
        }
        LineCtc.writeSamples(
                Path.of(args[0]), VietnameseLine.WIDTH, VietnameseLine.HEIGHT, inputs, texts, VietnameseLine.ALPHABET);
        System.out.printf("lines=%d of %d plates%n", inputs.size(), plates);
    }

    /**
     * The row band, mostly cut close to its characters at random: vn-one-row's crops are cut tight to the text, a
     * render's band holds the frame and a margin. Only when the row shows one blob per character, so no character is
     * cut off its label.
     */
    private static Rect cut(Rect band, List<Rect> blobs, int characters, Random random) {
        List<Rect> inside = blobs.stream()
                .filter(b -> b.y() + b.height() / 2 >= band.y() && b.y() + b.height() / 2 < band.y() + band.height())
                .toList();
        if (inside.size() != characters || random.nextDouble() >= TIGHT) {
            return band;
        }
        int left = inside.stream().mapToInt(Rect::x).min().orElse(band.x());
        int right = inside.stream().mapToInt(b -> b.x() + b.width()).max().orElse(band.x() + band.width());
        int from = Math.max(band.x(), left - margin(band, random));
        int to = Math.min(band.x() + band.width(), right + margin(band, random));
        return to - from < band.height() ? band : new Rect(from, band.y(), to - from, band.height());
    }

    /** A margin beside the characters: from a pixel into them to half the band's height. */
    private static int margin(Rect band, Random random) {
        return (int) Math.round((-0.05 + random.nextDouble() * 0.55) * band.height());
    }

    /** One render cut into its line, added unless the reader would not see it as one row. */
    private static void line(PlateRenderer renderer, Random random, List<float[]> inputs, List<String> texts) {
        Plate plate = RandomPlates.next(random, KINDS.get(random.nextInt(KINDS.size())));
        List<PlateStyle> styles = PlateStyle.choices(plate).stream()
                .filter(s -> s.layout() == PlateLayout.ONE_ROW)
                .toList();
        PlateStyle style = styles.get(random.nextInt(styles.size()));
        boolean mild = random.nextDouble() < MILD;
        double finalHeight = (mild ? 24 : 15) + random.nextDouble() * 40;
        RenderedPlate rendered = renderer.render(plate, style, 3 * finalHeight / style.heightMm(plate));
        String text = PlateLineSet.rowTexts(rendered.artwork(), false).get(0);
        if (text.chars().anyMatch(c -> VietnameseLine.ALPHABET.indexOf(c) < 0)) {
            return;
        }
        try (Mat grey = readerGrey(rendered, finalHeight, random, mild)) {
            if (grey == null) {
                return;
            }
            List<Rect> blobs = PlateRows.characterBlobs(grey);
            PlateRows rows = PlateRows.of(grey, blobs);
            if (rows.twoRows()) {
                return;
            }
            inputs.add(VietnameseLine.input(grey, cut(rows.top(), blobs, text.length(), random)));
            texts.add(text);
        }
    }

    /**
     * The render degraded to {@code finalHeight} and made grey and straight as the reader makes it; null when too small
     * for the reader.
     */
    private static Mat readerGrey(RenderedPlate rendered, double finalHeight, Random random, boolean mild) {
        Mat crop = PlateLineDegradation.degrade(
                rendered.image(), finalHeight / rendered.image().getHeight(), random, mild);
        try {
            Mat grey = CropGrey.straight(crop);
            if (grey.cols() < CropReader.MIN_WIDTH || grey.rows() < CropReader.MIN_HEIGHT) {
                grey.close();
                return null;
            }
            return grey;
        } finally {
            crop.close();
        }
    }

    /**
     * A two-row render's rows, added only when the reader cuts it in two rows: the top row stretched to the line, the
     * bottom one at the left of a light canvas ({@link VietnameseLine#vote}), each labelled with its own characters.
     */
    private static void rows(PlateRenderer renderer, Random random, List<float[]> inputs, List<String> texts) {
        Plate plate = RandomPlates.next(random, ROW_KINDS.get(random.nextInt(ROW_KINDS.size())));
        List<PlateStyle> styles = PlateStyle.choices(plate).stream()
                .filter(s -> s.layout() == PlateLayout.TWO_ROW)
                .toList();
        if (styles.isEmpty()) {
            return;
        }
        PlateStyle style = styles.get(random.nextInt(styles.size()));
        boolean mild = random.nextDouble() < MILD;
        // two rows need about twice a line's height to keep their glyphs as large (PlateLineSet's range)
        double finalHeight = (mild ? 56 : 30) + random.nextDouble() * 70;
        RenderedPlate rendered = renderer.render(plate, style, 3 * finalHeight / style.heightMm(plate));
        List<String> rowTexts = PlateLineSet.rowTexts(rendered.artwork(), true);
        if (rowTexts.stream()
                .anyMatch(t -> t.isEmpty() || t.chars().anyMatch(c -> VietnameseLine.ALPHABET.indexOf(c) < 0))) {
            return;
        }
        try (Mat grey = readerGrey(rendered, finalHeight, random, mild)) {
            if (grey == null) {
                return;
            }
            PlateRows found = PlateRows.of(grey, PlateRows.characterBlobs(grey));
            if (!found.twoRows()) {
                return;
            }
            inputs.add(VietnameseLine.input(grey, found.top()));
            texts.add(rowTexts.get(0));
            inputs.add(VietnameseLine.rowInput(grey, found.bottom(), false));
            texts.add(rowTexts.get(1));
        }
    }
}
