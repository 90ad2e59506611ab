package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_ml.ANN_MLP;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * Reads the six Latin characters of a one-row Chinese plate (region letter and serial), one glyph at a time, with a
 * small OpenCV multilayer perceptron on the same HOG features as {@link ProvinceClassifier}. Tesseract's English
 * model reads the narrow GA 36 typeface at 20–25 px poorly (5→S, A→K, 7→T, the dot and the province glyph read as
 * letters); the plate's fixed layout ({@link SerialGlyphs}) lets each character be classified on its own instead.
 * Trained by {@link SerialClassifierTrainer}; loaded from the classpath. Thread-safe.
 */
final class SerialClassifier {
    static final String RESOURCE = "serial-mlp.yml.gz";

    /** The classes, in the order of the network's outputs (GA 36 plates use neither I nor O). */
    static final String CLASSES = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /**
     * Networks trained the same way with other seeds ({@code SerialClassifierTrainer}, {@code -Dserial.seed}), whose
     * probabilities are averaged with the first's: each alone is right on about 79 % of held-out glyphs, and they are
     * wrong on different ones. {@code -4} and {@code -5} were trained on glyphs cut by a later layout fit (seeds
     * 20261123 and 7, 2026-11-25): alone the three of that run read no more held-out serials than the first three, and
     * the five together read more than either three (docs/anpr.md, branch cnnet). {@code -Danpr.serialNets=1} reads
     * with the first alone, {@code 3} with the first three (to measure).
     */
    static final List<String> MORE =
            List.of("serial-mlp-2.yml.gz", "serial-mlp-3.yml.gz", "serial-mlp-4.yml.gz", "serial-mlp-5.yml.gz");

    private static final int NETS = Integer.getInteger("anpr.serialNets", 1 + MORE.size());

    private final List<ANN_MLP> networks;

    SerialClassifier(ANN_MLP network) {
        this(List.of(network));
    }

    SerialClassifier(List<ANN_MLP> networks) {
        this.networks = List.copyOf(networks);
    }

    /** The classifier committed beside this class: its networks' averaged probabilities. */
    static SerialClassifier bundled() {
        List<ANN_MLP> networks = new ArrayList<>(List.of(load(RESOURCE)));
        for (String more : MORE.subList(0, Math.max(0, Math.min(MORE.size(), NETS - 1)))) {
            networks.add(load(more));
        }
        return new SerialClassifier(networks);
    }

    /**
     * The networks as {@link #bundled()}, read from files of the same names in {@code folder} (the trainer's chooser):
     * the first, and those of {@link #MORE} the folder holds (the committed chooser is an earlier main's three).
     */
    static SerialClassifier fromFolder(java.nio.file.Path folder) throws IOException {
        List<ANN_MLP> networks = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(RESOURCE));
        names.addAll(MORE.subList(0, Math.max(0, Math.min(MORE.size(), NETS - 1))));
        for (String name : names) {
            if (!name.equals(RESOURCE) && !java.nio.file.Files.exists(folder.resolve(name))) {
                continue;
            }
            try (InputStream in = java.nio.file.Files.newInputStream(folder.resolve(name))) {
                networks.add(read(in, folder.resolve(name).toString()));
            }
        }
        return new SerialClassifier(networks);
    }

    /** An OpenCV network stored as gzipped YAML beside this class, read from memory (no temporary file). */
    static ANN_MLP load(String resource) {
        try (InputStream in = SerialClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("glyph classifier missing from the classpath: " + resource);
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A network saved as gzipped OpenCV YAML ({@link GlyphNetworks#save}), read from memory; {@code name} for errors. */
    static ANN_MLP read(InputStream gzipped, String name) throws IOException {
        String yaml = new String(new java.util.zip.GZIPInputStream(gzipped).readAllBytes(), StandardCharsets.UTF_8);
        ANN_MLP network = ANN_MLP.create();
        try (FileStorage fs = new FileStorage(yaml, FileStorage.READ | FileStorage.MEMORY)) {
            network.read(fs.getFirstTopLevelNode());
        }
        if (!network.isTrained()) {
            throw new IllegalStateException("glyph classifier could not be read: " + name);
        }
        return network;
    }

    /**
     * The region letter and serial of a one-row crop (grey, dark text) as six grammar symbols, or null when the
     * layout does not fit or one of the six places is off the crop.
     */
    List<PlateGrammarSymbol> read(Mat grey, Rect band) {
        Rect[] boxes = SerialGlyphs.boxes(grey, band);
        return boxes == null ? null : read(grey, boxes);
    }

    /** The six Latin glyphs at the layout's boxes ({@link SerialGlyphs#boxes}); null when one is off the crop. */
    List<PlateGrammarSymbol> read(Mat grey, Rect[] boxes) {
        List<List<float[]>> cuts = new ArrayList<>();
        for (int k = 1; k < SerialGlyphs.COUNT; k++) {
            if (boxes[k] == null) {
                return null;
            }
            cuts.add(ProvinceGlyph.cutFeatures(grey, boxes[k]));
        }
        List<double[]> places = averaged(cuts);
        List<PlateGrammarSymbol> out = new ArrayList<>();
        places.forEach(p -> out.add(symbol(p)));
        return out;
    }

    /**
     * Each place's probabilities averaged over its cuts and the networks, as {@link ProvinceGlyph#averaged} with
     * {@link #probabilities} would give them, with all places' cuts passed to each network at once: one predict call
     * per network and crop instead of one per cut (about 30), whose per-call cost was most of the networks' time.
     */
    private List<double[]> averaged(List<List<float[]>> cuts) {
        int rows = cuts.stream().mapToInt(List::size).sum();
        int features = cuts.get(0).get(0).length;
        List<double[]> out = new ArrayList<>();
        cuts.forEach(c -> out.add(new double[CLASSES.length()]));
        try (Mat samples = new Mat(rows, features, CV_32F);
                Mat predicted = new Mat()) {
            try (FloatIndexer in = samples.createIndexer()) {
                int row = 0;
                for (List<float[]> place : cuts) {
                    for (float[] f : place) {
                        in.put(row++, 0, f);
                    }
                }
            }
            for (ANN_MLP network : networks) {
                network.predict(samples, predicted, 0);
                try (FloatIndexer o = predicted.createIndexer()) {
                    int row = 0;
                    for (int k = 0; k < cuts.size(); k++) {
                        double share = 1.0 / (cuts.get(k).size() * networks.size());
                        for (int c = 0; c < cuts.get(k).size(); c++, row++) {
                            double[] p = new double[CLASSES.length()];
                            for (int i = 0; i < p.length; i++) {
                                p[i] = o.get(row, i) * ProvinceClassifier.SHARPNESS;
                            }
                            ProvinceClassifier.softmax(p);
                            for (int i = 0; i < p.length; i++) {
                                out.get(k)[i] += p[i] * share;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The six Latin glyphs of a BGR plate crop, cut as the reader cuts them (for training and measuring). */
    static List<Mat> glyphsOfCrop(Mat bgr) {
        try (Mat grey = CropGrey.straight(bgr)) {
            PlateRows rows = PlateRows.of(grey);
            Rect[] boxes = SerialGlyphs.boxes(grey, rows.top());
            if (boxes == null) {
                return null;
            }
            List<Mat> out = new ArrayList<>();
            for (int k = 1; k < SerialGlyphs.COUNT; k++) {
                out.add(boxes[k] == null ? null : new Mat(grey, boxes[k]).clone());
            }
            return out;
        }
    }

    double[] probabilities(float[] features) {
        double[] sum = new double[CLASSES.length()];
        for (ANN_MLP network : networks) {
            double[] p = ProvinceClassifier.softmax(network, features, CLASSES.length());
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i] / networks.size();
            }
        }
        return sum;
    }

    static PlateGrammarSymbol symbol(double[] p) {
        return ProvinceClassifier.symbol(p, CLASSES);
    }
}
