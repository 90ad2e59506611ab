package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's chooser ({@code -Dserial.chooser}): networks read from a folder answer as the same networks read from
 * the classpath, so a rebuild can be given the networks that chose the committed ones' training crops.
 */
class SerialChooserTest {
    @Test
    void networksFromAFolderAnswerAsTheBundledOnes(@TempDir Path folder) throws Exception {
        List<String> names = new ArrayList<>(List.of(SerialClassifier.RESOURCE));
        names.addAll(SerialClassifier.MORE);
        for (String name : names) {
            try (InputStream in = SerialClassifier.class.getResourceAsStream(name)) {
                Files.copy(in, folder.resolve(name));
            }
        }
        SerialClassifier bundled = SerialClassifier.mlps();
        SerialClassifier chosen = SerialClassifier.fromFolder(folder);
        int length;
        try (Mat blank = new Mat(32, 24, CV_8UC1, new Scalar(255))) {
            length = ProvinceGlyph.features(blank).length;
        }
        Random random = new Random(3);
        for (int sample = 0; sample < 5; sample++) {
            float[] features = new float[length];
            for (int i = 0; i < features.length; i++) {
                features[i] = random.nextFloat();
            }
            assertThat(chosen.probabilities(features)).containsExactly(bundled.probabilities(features));
        }
    }

    @Test
    void aFolderWithoutTheNetworksIsRefused(@TempDir Path folder) {
        assertThatThrownBy(() -> SerialClassifier.fromFolder(folder)).isInstanceOf(java.io.IOException.class);
    }
}
