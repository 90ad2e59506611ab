package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Several trainings of one glyph network (same samples and script, other seeds), their probabilities averaged: one
 * training's answers on small, rare glyphs flip with its seed (docs/anpr.md, branch cnnens). Thread-safe.
 */
final class GlyphNetworkSeeds {
    private final List<GlyphCnn> networks;

    GlyphNetworkSeeds(List<GlyphCnn> networks) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("at least one glyph network is needed");
        }
        this.networks = List.copyOf(networks);
    }

    /**
     * The networks committed beside this class: {@code resource} ({@code name.onnx}) and then {@code name-2.onnx},
     * {@code name-3.onnx}, … while they exist, at most {@code limit} of them (a limit to measure fewer).
     */
    static GlyphNetworkSeeds load(String resource, int width, int height, int limit) {
        String stem = resource.substring(0, resource.length() - ".onnx".length());
        List<GlyphCnn> found = new ArrayList<>(List.of(GlyphCnn.load(resource, width, height)));
        for (int i = 2; found.size() < limit && GlyphCnn.class.getResource(stem + "-" + i + ".onnx") != null; i++) {
            found.add(GlyphCnn.load(stem + "-" + i + ".onnx", width, height));
        }
        return new GlyphNetworkSeeds(found);
    }

    int size() {
        return networks.size();
    }

    /** Each input's probabilities, the mean over the networks. */
    double[][] probabilities(List<float[]> inputs) {
        double[][] sum = null;
        for (GlyphCnn network : networks) {
            double[][] p = network.probabilities(inputs);
            if (sum == null) {
                sum = new double[p.length][];
                for (int r = 0; r < p.length; r++) {
                    sum[r] = new double[p[r].length];
                }
            }
            for (int r = 0; r < p.length; r++) {
                for (int c = 0; c < p[r].length; c++) {
                    sum[r][c] += p[r][c] / networks.size();
                }
            }
        }
        return sum;
    }

    /** Each box's probabilities averaged over its {@code cuts} (as {@link GlyphCnn#averaged}) and over the networks. */
    List<double[]> averaged(Mat grey, List<Rect> boxes, int[][] cuts) {
        List<double[]> sum = null;
        for (GlyphCnn network : networks) {
            List<double[]> p = network.averaged(grey, boxes, cuts);
            if (sum == null) {
                sum = new ArrayList<>();
                for (double[] row : p) {
                    sum.add(new double[row.length]);
                }
            }
            for (int b = 0; b < p.size(); b++) {
                for (int c = 0; c < p.get(b).length; c++) {
                    sum.get(b)[c] += p.get(b)[c] / networks.size();
                }
            }
        }
        return sum;
    }
}
