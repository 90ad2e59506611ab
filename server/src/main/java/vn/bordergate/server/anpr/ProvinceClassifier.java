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
 * Reads the province character of a Chinese plate (and the suffixes 挂学港澳). A glyph is read by a small
 * convolutional network ({@link ProvinceCnn}) and/or, by {@link #CNN_WEIGHT}, by the older OpenCV multilayer
 * perceptron on HOG features with clean templates as its second opinion. Both were trained on glyphs rendered from the
 * committed Noto Sans CJK subset plus the even half of cn-crops, and are loaded from the classpath: no CJK font at run
 * time. The convolutional network reads far more renders and held-out crop glyphs right (docs/anpr.md, "Province: a
 * small convolutional network"). Thread-safe: OpenCV's {@code predict} is const, {@link GlyphCnn} one net per thread.
 */
final class ProvinceClassifier {
    static final String RESOURCE = "province-mlp.yml.gz";

    /** The classes, in the order of the network's outputs. */
    static final String CLASSES =
            vn.bordergate.common.plate.PlateParser.CN_PROVINCES + vn.bordergate.common.plate.PlateParser.CN_SUFFIXES;

    /** How many alternatives a read gives the grammar. */
    static final int TOP = 3;

    /** Sharpness of the softmax that turns the network's outputs (about -1..1) into probabilities. */
    static final double SHARPNESS = 6;

    /** Whether the clean templates give a second opinion; off only to measure them ({@code -Danpr.provinceTemplates}). */
    static final boolean TEMPLATES = Boolean.parseBoolean(System.getProperty("anpr.provinceTemplates", "true"));

    /**
     * The convolutional network's share of a glyph's probabilities, the MLP with its templates keeping the rest: 1 reads
     * the glyph by the convolutional network alone (the MLP is then not run), 0 by the MLP alone ({@code
     * -Danpr.provinceCnn}, for measuring).
     */
    static final double CNN_WEIGHT = Double.parseDouble(System.getProperty("anpr.provinceCnn", "1"));

    private final ANN_MLP network;
    private final ProvinceTemplates templates;
    private final ProvinceCnn cnn;
    private final double cnnWeight;

    ProvinceClassifier(ANN_MLP network) {
        this(network, null);
    }

    /** A network with {@code templates} (null: none) as the second opinion on glyphs large enough for them. */
    ProvinceClassifier(ANN_MLP network, ProvinceTemplates templates) {
        this(network, templates, null, 0);
    }

    /** As {@link #ProvinceClassifier(ANN_MLP, ProvinceTemplates)}, {@code cnn} (null: none) weighing {@code cnnWeight}. */
    ProvinceClassifier(ANN_MLP network, ProvinceTemplates templates, ProvinceCnn cnn, double cnnWeight) {
        if (templates != null && !templates.classes().equals(CLASSES)) {
            throw new IllegalArgumentException("province templates are for other classes: " + templates.classes());
        }
        this.network = network;
        this.templates = templates;
        this.cnn = cnnWeight > 0 ? cnn : null;
        this.cnnWeight = cnnWeight;
    }

    /** The classifier committed beside this class. */
    static ProvinceClassifier bundled() {
        return bundled(CNN_WEIGHT);
    }

    /** The committed classifier with the convolutional network weighing {@code cnnWeight} (0: the MLP alone). */
    static ProvinceClassifier bundled(double cnnWeight) {
        if (cnnWeight >= 1) { // the network reads alone: the MLP and its templates took ~0.3 s to load for nothing
            return new ProvinceClassifier(null, null, ProvinceCnn.bundled(), 1);
        }
        try (InputStream in = ProvinceClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("province classifier missing from the classpath: " + RESOURCE);
            }
            String yaml = new String(new java.util.zip.GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            ANN_MLP network = ANN_MLP.create();
            // the net is stored as OpenCV YAML (gzipped): FileStorage reads it from memory, no temporary file
            try (FileStorage fs = new FileStorage(yaml, FileStorage.READ | FileStorage.MEMORY)) {
                network.read(fs.getFirstTopLevelNode());
            }
            if (!network.isTrained()) {
                throw new IllegalStateException("province classifier could not be read: " + RESOURCE);
            }
            return new ProvinceClassifier(
                    network,
                    TEMPLATES ? ProvinceTemplates.bundled() : null,
                    cnnWeight > 0 ? ProvinceCnn.bundled() : null,
                    cnnWeight);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The province glyph of a one-row crop (grey, dark text) as a grammar symbol, or null when none is seen. */
    PlateGrammarSymbol read(Mat grey, Rect band) {
        Rect box = ProvinceGlyph.box(grey, band);
        if (box == null) {
            return null;
        }
        return readAt(grey, box);
    }

    /** The glyph in {@code box} of a grey crop (dark text) as a grammar symbol. */
    PlateGrammarSymbol readAt(Mat grey, Rect box) {
        return symbol(probabilities(grey, box));
    }

    /**
     * Probabilities over {@link #CLASSES} for the glyph in {@code box} of a grey crop, each classifier's averaged over
     * the glyph's five cuts: the convolutional network's mixed with the MLP's (and its templates') by the CNN weight.
     */
    double[] probabilities(Mat grey, Rect box) {
        if (cnn != null && cnnWeight >= 1) {
            return cnn.averaged(grey, box);
        }
        double[] p = ProvinceGlyph.averaged(grey, box, f -> probabilities(f, box.height()));
        if (cnn != null) {
            double[] c = cnn.averaged(grey, box);
            for (int i = 0; i < p.length; i++) {
                p[i] = (1 - cnnWeight) * p[i] + cnnWeight * c[i];
            }
        }
        return p;
    }

    /** The province glyph of a BGR plate crop, cut as the reader cuts it (for training and measuring). */
    static Mat glyphOfCrop(Mat bgr) {
        try (Mat grey = CropGrey.straight(bgr)) {
            PlateRows rows = PlateRows.of(grey);
            Rect box = ProvinceGlyph.box(grey, rows.top());
            return box == null ? null : new Mat(grey, box).clone();
        }
    }

    /** The network's probabilities over {@link #CLASSES} for one feature vector. */
    double[] probabilities(float[] features) {
        if (network == null) {
            throw new IllegalStateException(
                    "the province MLP is not loaded when the convolutional network reads alone: use bundled(0)");
        }
        return softmax(network, features, CLASSES.length());
    }

    /**
     * Probabilities over {@link #CLASSES} for the features of a glyph box {@code height} pixels high: the network's,
     * mixed with the clean templates' by {@link ProvinceTemplates#weight} (none on small, blurred glyphs).
     */
    double[] probabilities(float[] features, int height) {
        double[] p = probabilities(features);
        double weight = templates == null ? 0 : ProvinceTemplates.weight(height);
        if (weight > 0) {
            double[] t = templates.probabilities(features);
            for (int i = 0; i < p.length; i++) {
                p[i] = (1 - weight) * p[i] + weight * t[i];
            }
        }
        return p;
    }

    /** {@code logits} turned into probabilities, in place (the largest subtracted first, so none overflows). */
    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.exp(logits[i] - max);
            sum += logits[i];
        }
        for (int i = 0; i < logits.length; i++) {
            logits[i] /= sum;
        }
        return logits;
    }

    /** A glyph network's outputs (about -1..1) for one feature vector, turned into probabilities. */
    static double[] softmax(ANN_MLP network, float[] features, int classes) {
        Mat sample = new Mat(1, features.length, CV_32F);
        Mat out = new Mat();
        try {
            try (FloatIndexer in = sample.createIndexer()) {
                in.put(0, 0, features);
            }
            network.predict(sample, out, 0);
            double[] p = new double[classes];
            try (FloatIndexer o = out.createIndexer()) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = o.get(0, i) * SHARPNESS;
                }
            }
            return softmax(p);
        } finally {
            sample.close();
            out.close();
        }
    }

    /** The {@link #TOP} most likely characters as one grammar position. */
    static PlateGrammarSymbol symbol(double[] p) {
        return symbol(p, CLASSES);
    }

    /** The {@link #TOP} most likely of {@code classes} as one grammar position. */
    static PlateGrammarSymbol symbol(double[] p, String classes) {
        List<PlateGrammarSymbol.Choice> choices = new ArrayList<>();
        boolean[] used = new boolean[p.length];
        for (int k = 0; k < TOP; k++) {
            int best = -1;
            for (int i = 0; i < p.length; i++) {
                if (!used[i] && (best < 0 || p[i] > p[best])) {
                    best = i;
                }
            }
            used[best] = true;
            choices.add(new PlateGrammarSymbol.Choice(classes.charAt(best), Math.min(1, Math.max(0, p[best]))));
        }
        return new PlateGrammarSymbol(choices);
    }
}
