package vn.bordergate.server.anpr;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * A second opinion on the province glyph: the HOG features of one clean render per class (the committed Noto Sans CJK
 * subset, drawn at the plate's proportions and cut as {@link ProvinceGlyph#box} cuts it), compared by cosine. The
 * province network, trained mostly on blurred 皖 crops and heavily degraded renders, reads only about a third of clean
 * renders of its own font right and confused the clear, larger glyphs of scene photos (浙/湘, 京/宁, 津); the nearest
 * clean render reads those better but is near useless on the 10 × 18 px glyphs of small crops, so its weight grows
 * with the glyph's height in pixels (docs/anpr.md, "Province: clean templates as a second opinion"). Written by
 * {@link ProvinceTemplateWriter}; no font at run time. Immutable, thread-safe.
 */
final class ProvinceTemplates {
    static final String RESOURCE = "province-templates.bin.gz";

    /** Sharpness of the softmax over cosines (a cosine 0.05 below the best gives e^-2.5 of its weight). */
    static final double SHARPNESS = 50;

    /** Below this glyph height (px) the templates have no say; from {@link #FULL_HEIGHT} they weigh {@link #WEIGHT}. */
    static final int NO_HEIGHT = 16;

    static final int FULL_HEIGHT = 24;

    /** The templates' share of the probability at full height; the network keeps the rest. */
    static final double WEIGHT = 0.5;

    private final String classes;
    private final float[][] features;

    ProvinceTemplates(String classes, float[][] features) {
        this.classes = classes;
        this.features = features;
    }

    /** The templates committed beside this class. */
    static ProvinceTemplates bundled() {
        try (InputStream raw = ProvinceTemplates.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("province templates missing from the classpath: " + RESOURCE);
            }
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
            String classes = in.readUTF();
            int dimension = in.readInt();
            if (dimension != ProvinceGlyph.featureLength()) {
                // a cosine over a prefix would quietly read every glyph against the wrong features
                throw new IllegalStateException("province templates of " + dimension + " features, but a glyph has "
                        + ProvinceGlyph.featureLength() + ": rebuild them with ProvinceTemplateWriter");
            }
            float[][] features = new float[classes.length()][dimension];
            for (float[] f : features) {
                for (int i = 0; i < dimension; i++) {
                    f[i] = in.readFloat();
                }
            }
            return new ProvinceTemplates(classes, features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String classes() {
        return classes;
    }

    /** How much the templates weigh for a glyph box this many pixels high. */
    static double weight(int height) {
        double t = (height - NO_HEIGHT) / (double) (FULL_HEIGHT - NO_HEIGHT);
        return WEIGHT * Math.max(0, Math.min(1, t));
    }

    /** Probabilities over {@link #classes()}: a softmax of each template's cosine to these features. */
    double[] probabilities(float[] glyph) {
        if (glyph.length != features[0].length) {
            throw new IllegalArgumentException(
                    "a glyph of " + glyph.length + " features against templates of " + features[0].length);
        }
        double[] p = new double[features.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = SHARPNESS * cosine(glyph, features[c]);
        }
        return ProvinceClassifier.softmax(p);
    }

    /** The template of class {@code c} of {@link #classes()} (tests). */
    float[] template(int c) {
        return features[c].clone();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return dot / Math.sqrt(aa * bb + 1e-12);
    }
}
