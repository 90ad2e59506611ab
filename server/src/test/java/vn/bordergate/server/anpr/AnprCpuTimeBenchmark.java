package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.anpr.synthetic.GateScene;
import vn.bordergate.server.anpr.synthetic.RandomPlates;
import vn.bordergate.server.anpr.synthetic.SceneVariant;
import vn.bordergate.server.anpr.synthetic.TruckSceneRenderer;
import vn.bordergate.server.anpr.synthetic.TruckSceneSpec;

/**
 * CPU time of the reading thread per crop ({@link PlateReader#readCrop}) on each real crop set and per synthetic
 * 1280×720 frame ({@link PlateReader#read}, by a lane camera's reader and by the photo reader with its last look): on the shared machine wall-clock medians measure the other builds, the
 * thread's CPU time much less so. {@code mvn -B -Pbench -pl server -am verify -Dtest=AnprCpuTimeBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures in docs/anpr.md ("Early agreement").
 */
@Tag("bench")
class AnprCpuTimeBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void cpuMillisPerCropAndPerFrame() throws Exception {
        // a lane camera's frames are read without the last look (PlateReader.forLaneCamera), photos with it
        try (PlateReader lane = PlateReader.forLaneCamera()) {
            System.out.println(line("synthetic 1280x720 frames, lane camera reader", frames(lane)));
        }
        try (PlateReader reader = new PlateReader()) {
            System.out.println(line("synthetic 1280x720 frames, photo reader (last look)", frames(reader)));
            for (String name : List.of("vn-one-row", "vn-mixed-silver", "cn-crops")) {
                Optional<Path> set = TestImages.realSet(name);
                if (set.isEmpty()) {
                    continue;
                }
                List<Double> ms = new ArrayList<>();
                for (PlateLabels.Label label :
                        PlateLabels.read(set.get().resolve("labels.csv")).labels()) {
                    Mat crop = imread(set.get().resolve(label.file()).toString());
                    long t0 = THREADS.getCurrentThreadCpuTime();
                    reader.readCrop(crop);
                    ms.add((THREADS.getCurrentThreadCpuTime() - t0) / 1e6);
                    crop.close();
                }
                System.out.println(line(name, ms));
            }
        }
    }

    /** The scenes of {@code AnprBenchmark}: seed 11, clean and each camera condition, 10 rounds. */
    private static List<Double> frames(PlateReader reader) {
        TruckSceneRenderer scenes = new TruckSceneRenderer();
        Random random = new Random(11);
        List<Set<SceneVariant>> variants = new ArrayList<>();
        variants.add(Set.of());
        for (SceneVariant v : SceneVariant.values()) {
            variants.add(EnumSet.of(v));
        }
        List<Double> ms = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (Set<SceneVariant> variant : variants) {
                GateScene scene = scenes.render(TruckSceneSpec.of(RandomPlates.gateTruck(random), random.nextLong())
                        .withVariants(variant));
                Mat frame = TestImages.mat(scene.image());
                long t0 = THREADS.getCurrentThreadCpuTime();
                reader.read(frame);
                ms.add((THREADS.getCurrentThreadCpuTime() - t0) / 1e6);
                frame.close();
            }
        }
        return ms;
    }

    private static String line(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(
                "AnprCpuTimeBenchmark %s: n=%d median_cpu_ms=%.1f p95_cpu_ms=%.1f",
                what, sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)));
    }
}
