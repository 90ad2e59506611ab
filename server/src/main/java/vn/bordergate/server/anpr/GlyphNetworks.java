package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.TermCriteria;
import org.bytedeco.opencv.opencv_ml.ANN_MLP;
import org.bytedeco.opencv.opencv_ml.TrainData;

/** Trains and saves the glyph networks of {@link ProvinceClassifier} and {@link SerialClassifier} (not at run time). */
final class GlyphNetworks {
    private GlyphNetworks() {}

    /** Saves as OpenCV YAML, gzipped when the name ends in {@code .gz}. */
    static void save(ANN_MLP network, Path out) throws java.io.IOException {
        Path yaml = Files.createTempFile("province", ".yml");
        network.save(yaml.toString());
        if (out.toString().endsWith(".gz")) {
            try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(out))) {
                Files.copy(yaml, gz);
            }
        } else {
            Files.copy(yaml, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.delete(yaml);
    }

    static ANN_MLP train(List<float[]> samples, List<Integer> labels, int classes) {
        return train(samples, labels, classes, 64, 200);
    }

    /** An MLP with one hidden layer of {@code hidden} units, trained with RPROP for up to {@code iterations}. */
    static ANN_MLP train(List<float[]> samples, List<Integer> labels, int classes, int hidden, int iterations) {
        int features = samples.get(0).length;
        Mat x = new Mat(samples.size(), features, CV_32F);
        Mat y = new Mat(samples.size(), classes, CV_32F, Scalar.all(0));
        try (FloatIndexer xi = x.createIndexer();
                FloatIndexer yi = y.createIndexer()) {
            for (int i = 0; i < samples.size(); i++) {
                xi.put(i, 0, samples.get(i));
                yi.put(i, labels.get(i), 1f);
            }
        }
        ANN_MLP network = ANN_MLP.create();
        Mat layers = new Mat(1, 3, org.bytedeco.opencv.global.opencv_core.CV_32S);
        try (org.bytedeco.javacpp.indexer.IntIndexer li = layers.createIndexer()) {
            li.put(0, 0, features);
            li.put(0, 1, hidden);
            li.put(0, 2, classes);
        }
        network.setLayerSizes(layers);
        network.setActivationFunction(ANN_MLP.SIGMOID_SYM, 1, 1);
        network.setTrainMethod(ANN_MLP.RPROP, 0.1, Double.MIN_VALUE);
        network.setTermCriteria(new TermCriteria(TermCriteria.MAX_ITER + TermCriteria.EPS, iterations, 1e-4));
        network.train(TrainData.create(x, org.bytedeco.opencv.global.opencv_ml.ROW_SAMPLE, y));
        return network;
    }
}
