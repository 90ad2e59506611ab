package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.RenderedPlate;

/** Images for the recognizer's tests: synthetic renders as OpenCV frames, and the real sets when present. */
final class TestImages {
    /** The real evaluation photos, outside the repository (see ../shared/plates/README.md). */
    static final Path REAL_PLATES = locateRealPlates();

    private TestImages() {}

    /** A rendered image (transparent corners on dark grey, as on a car) as an 8-bit BGR Mat. */
    static Mat mat(BufferedImage image) {
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ImageDecoder.decode(png(bgr)).orElseThrow();
    }

    /** {@code 29H33578} in bold sans serif, black on white, as one grey text line 360 × 70 px (a new Mat). */
    static Mat greyLine() {
        BufferedImage image = new BufferedImage(360, 70, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 360, 70);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("29H33578", 20, 50);
        g.dispose();
        Mat grey = new Mat();
        try (Mat bgr = mat(image)) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
        }
        return grey;
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RenderedPlate render(PlateRenderer renderer, vn.bordergate.common.plate.Plate plate, double pxPerMm) {
        var styles = vn.bordergate.server.anpr.synthetic.PlateStyle.choices(plate);
        return renderer.render(plate, styles.get(0), pxPerMm);
    }

    /**
     * Whether a read equals the truth when each {@code ?} of the read may stand for a Chinese character of the truth
     * (the province and suffix characters the English model cannot read yet).
     */
    /**
     * Whether a read equals the truth but perhaps for its Chinese characters (read as {@code ?} or as another Chinese
     * character): for tests of finding and the Latin part; the province's own accuracy is measured on real glyphs
     * (ProvinceClassifierTest, RealPlatesTest).
     */
    static boolean sameButTheChinese(String truth, String read) {
        if (truth.length() != read.length()) {
            return false;
        }
        for (int i = 0; i < truth.length(); i++) {
            char r = read.charAt(i);
            boolean han = Character.UnicodeScript.of(truth.charAt(i)) == Character.UnicodeScript.HAN;
            boolean readHan = r == '?' || Character.UnicodeScript.of(r) == Character.UnicodeScript.HAN;
            if (r != truth.charAt(i) && !(han && readHan)) {
                return false;
            }
        }
        return true;
    }

    static boolean sameButUnreadChinese(String truth, String read) {
        if (truth.length() != read.length()) {
            return false;
        }
        for (int i = 0; i < truth.length(); i++) {
            char r = read.charAt(i);
            boolean han = Character.UnicodeScript.of(truth.charAt(i)) == Character.UnicodeScript.HAN;
            if (r != truth.charAt(i) && !(r == '?' && han)) {
                return false;
            }
        }
        return true;
    }

    /** The Latin letters and digits of a plate text, in order (Chinese characters and {@code ?} left out). */
    static String latin(String text) {
        return text.replaceAll("[^A-Z0-9]", "");
    }

    /**
     * {@code -Dbordergate.plates=DIR}, else the nearest {@code shared/plates} beside the checkout or any folder
     * above it: a git worktree (say {@code /work/wt/<branch>}) sits deeper than the main checkout.
     */
    private static Path locateRealPlates() {
        String given = System.getProperty("bordergate.plates");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("plates");
            if (Files.isDirectory(p)) {
                return p.normalize();
            }
        }
        return Path.of("../shared/plates").toAbsolutePath().normalize();
    }

    /** The folder of a real set, when present. */
    static Optional<Path> realSet(String name) {
        Path set = REAL_PLATES.resolve(name);
        return Files.isRegularFile(set.resolve("labels.csv")) ? Optional.of(set) : Optional.empty();
    }

    /**
     * The fixed sample of a real set the real-set tests read: {@code size} of its scored labels at an even stride (all of
     * them when it holds fewer).
     */
    static List<PlateLabels.Label> sample(Path set, int size) throws IOException {
        List<PlateLabels.Label> scored = PlateLabels.read(set.resolve("labels.csv")).labels().stream()
                .filter(PlateLabels.Label::scored)
                .toList();
        int stride = Math.max(1, scored.size() / size);
        List<PlateLabels.Label> out = new ArrayList<>();
        for (int i = 0; i < scored.size() && out.size() < size; i += stride) {
            out.add(scored.get(i));
        }
        return out;
    }

    /**
     * The best plate a fresh {@link PlateReader} reads in the photo {@code file} of the real set {@code set}; the test
     * is skipped when the set is not on this machine.
     */
    static PlateCandidate bestRead(String set, String file) {
        Optional<Path> folder = realSet(set);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                folder.isPresent(), "../shared/plates/" + set + " is not on this machine");
        Mat image = ImageDecoder.read(folder.get().resolve("images/" + file)).orElseThrow();
        try (PlateReader reader = new PlateReader()) {
            return reader.readBest(image).orElseThrow();
        } finally {
            image.close();
        }
    }

    /** A crop read of {@code text} as the grammar's first candidate of {@code kind}, as a read of a crop of {@code colour}. */
    static CropRead cropRead(String text, PlateKind kind, PlateColour colour) {
        var match = PlateGrammar.candidatesOfKinds(List.of(PlateGrammarSymbol.of(text)), EnumSet.of(kind))
                .get(0);
        return new CropRead(match, text, colour, false);
    }

    static final Set<String> REAL_SETS = Set.of("vn-one-row", "vn-mixed-silver", "cn-crops", "cn-scenes");
}
