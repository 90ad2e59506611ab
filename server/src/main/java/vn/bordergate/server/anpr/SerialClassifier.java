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
 * small convolutional network ({@link SerialGlyphNetwork}, trained by {@code server/tools/train_serial_cnn.py} on the
 * glyphs {@link SerialGlyphSamples} writes, run by OpenCV's dnn module). Tesseract's English
 * model reads the narrow GA 36 typeface at 20–25 px poorly (5→S, A→K, 7→T, the dot and the province glyph read as
 * letters); the plate's fixed layout ({@link SerialGlyphs}) lets each character be classified on its own instead. The
 * network replaced five OpenCV multilayer perceptrons on {@link ProvinceClassifier}'s HOG features (trained by {@link
 * SerialClassifierTrainer}), which stay on the classpath as the trainers' chooser and to measure against: on the
 * held-out cn-crops half the network puts 1 133 of 1 194 glyphs right against their 1 022 (docs/anpr.md, branch
 * cnnserial). Loaded from the classpath. Thread-safe.
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

    /**
     * The convolutional network's share of each place's probabilities, the multilayer perceptrons' average the rest:
     * 1 reads with the network alone, 0 with the perceptrons alone ({@code -Danpr.serialCnn}, to measure).
     */
    static final double CNN_SHARE = Double.parseDouble(System.getProperty("anpr.serialCnn", "1"));

    private final List<ANN_MLP> networks;

    /** Null: the perceptrons alone. */
    private final SerialGlyphNetwork cnn;

    private final double cnnShare;

    SerialClassifier(ANN_MLP network) {
        this(List.of(network));
    }

    SerialClassifier(List<ANN_MLP> networks) {
        this(networks, null, 0);
    }

    SerialClassifier(List<ANN_MLP> networks, SerialGlyphNetwork cnn, double cnnShare) {
        this.networks = List.copyOf(networks);
        this.cnn = cnn;
        this.cnnShare = cnn == null ? 0 : cnnShare;
    }

    /**
     * The classifier committed beside this class: the convolutional network's probabilities with {@link #CNN_SHARE},
     * the perceptrons' averaged ones with the rest (not loaded when the network reads alone).
     */
    static SerialClassifier bundled() {
        SerialGlyphNetwork cnn = CNN_SHARE > 0 ? SerialGlyphNetwork.bundled() : null;
        return new SerialClassifier(CNN_SHARE < 1 ? mlps().networks : List.of(), cnn, CNN_SHARE);
    }

    /** The committed multilayer perceptrons alone, averaged (the trainers' chooser, and to measure the network against). */
    static SerialClassifier mlps() {
        List<ANN_MLP> networks = new ArrayList<>(List.of(load(RESOURCE)));
        for (String more : MORE.subList(0, Math.max(0, Math.min(MORE.size(), NETS - 1)))) {
            networks.add(load(more));
        }
        return new SerialClassifier(networks);
    }

    /** The perceptrons (to share them with another network). */
    List<ANN_MLP> perceptrons() {
        return networks;
    }

    /** Whether the convolutional network takes part (for tests). */
    boolean convolutional() {
        return cnn != null;
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
        List<Rect> places = new ArrayList<>();
        for (int k = 1; k < SerialGlyphs.COUNT; k++) {
            if (boxes[k] == null) {
                return null;
            }
            places.add(boxes[k]);
        }
        List<double[]> mlp = networks.isEmpty() ? null : averaged(cutFeatures(grey, places));
        List<double[]> conv = cnn == null ? null : cnn.places(grey, places);
        List<PlateGrammarSymbol> out = new ArrayList<>();
        for (int k = 0; k < places.size(); k++) {
            double[] p = new double[CLASSES.length()];
            for (int i = 0; i < p.length; i++) {
                p[i] = (mlp == null ? 0 : mlp.get(k)[i] * (1 - cnnShare))
                        + (conv == null ? 0 : conv.get(k)[i] * cnnShare);
            }
            out.add(symbol(p));
        }
        return out;
    }

    private static List<List<float[]>> cutFeatures(Mat grey, List<Rect> places) {
        List<List<float[]>> cuts = new ArrayList<>();
        places.forEach(box -> cuts.add(ProvinceGlyph.cutFeatures(grey, box)));
        return cuts;
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

    /** One glyph's probabilities as {@link #read} weighs the networks, from the glyph as cut (no moved cuts). */
    double[] probabilities(Mat glyph) {
        double[] p = networks.isEmpty() ? new double[CLASSES.length()] : probabilities(ProvinceGlyph.features(glyph));
        if (cnn != null) {
            double[] q = cnn.probabilities(glyph);
            for (int i = 0; i < p.length; i++) {
                p[i] = p[i] * (1 - cnnShare) + q[i] * cnnShare;
            }
        }
        return p;
    }

    /** The perceptrons' averaged probabilities for one glyph's HOG features. */
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
