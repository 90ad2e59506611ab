package vn.bordergate.server.anpr;

import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The scored crops of a labelled folder ({@code labels.csv}, {@link PlateLabels}; suspect or partial rows left out),
 * each decoded and made grey and straight as the reader makes it ({@link CropGrey#straight}), for the tools that
 * measure a network on real crops or dump them for a look. Never training data: those sets carry no licence for it.
 */
final class ScoredCrops {
    /** What a tool does with one crop. */
    interface Visitor {
        void visit(PlateLabels.Label label, Mat grey) throws Exception;
    }

    private ScoredCrops() {}

    /** Visits the first {@code most} scored crops that decode; how many were visited. */
    static int forEach(Path folder, int most, Visitor visitor) throws Exception {
        int crops = 0;
        for (PlateLabels.Label label :
                PlateLabels.read(folder.resolve("labels.csv")).labels()) {
            if (!label.scored()) {
                continue;
            }
            if (crops >= most) {
                break;
            }
            Mat bgr = ImageDecoder.read(folder.resolve(label.file())).orElse(null);
            if (bgr == null) {
                continue;
            }
            try {
                if (bgr.empty()) {
                    continue;
                }
                crops++;
                try (Mat grey = CropGrey.straight(bgr)) {
                    visitor.visit(label, grey);
                }
            } finally {
                bgr.close();
            }
        }
        return crops;
    }
}
