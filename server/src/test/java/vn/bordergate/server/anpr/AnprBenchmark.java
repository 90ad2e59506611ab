package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.GateScene;
import vn.bordergate.server.anpr.synthetic.RandomPlates;
import vn.bordergate.server.anpr.synthetic.SceneVariant;
import vn.bordergate.server.anpr.synthetic.TruckSceneRenderer;
import vn.bordergate.server.anpr.synthetic.TruckSceneSpec;

/**
 * The plate recognizer over every image of the real sets in {@code ../shared/plates} (each skipped when absent)
 * and over synthetic 1280×720 lane scenes, one reading thread: exact plates on {@code plate_norm}, exact with an
 * unread Chinese province forgiven, character accuracy, median and p95 ms per image; and the same real sets read
 * by the {@code tesseract} command alone as a baseline (when it is installed). Results go to standard output and
 * to {@code anpr-benchmark.md} in the build folder ({@code server/target}). Run: {@code mvn -B -Pbench -pl server -am verify}.
 */
@Tag("bench")
class AnprBenchmark {
    private static final List<String> SETS = List.of("vn-one-row", "vn-mixed-silver", "cn-crops", "cn-scenes");

    @Test
    void readsEveryRealImageAndSyntheticScenes() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("| set | images | exact | exact, province forgiven | characters | found | median ms | p95 ms |");
        report.add("|---|---|---|---|---|---|---|---|");
        List<String> baseline = new ArrayList<>();
        baseline.add("| set | images | exact | exact, province forgiven | characters | found | median ms | p95 ms |");
        baseline.add("|---|---|---|---|---|---|---|---|");
        try (PlateReader reader = new PlateReader()) {
            for (String name : SETS) {
                Optional<Path> set = TestImages.realSet(name);
                if (set.isEmpty()) {
                    report.add("| " + name + " | absent | | | | | | |");
                    continue;
                }
                List<PlateLabels.Label> labels = scored(set.get());
                PlateScore score = new PlateScore();
                int failures = 0;
                for (PlateLabels.Label label : labels) {
                    Mat image =
                            ImageDecoder.read(set.get().resolve(label.file())).orElse(null);
                    if (image == null) {
                        failures++;
                        score.add(label, "", 0);
                        continue;
                    }
                    long t0 = System.nanoTime();
                    String read =
                            reader.readBest(image).map(PlateCandidate::text).orElse("");
                    score.add(label, read, (System.nanoTime() - t0) / 1e6);
                    image.close();
                }
                assertThat(failures).as(name + ": images that did not decode").isZero();
                report.add(row(name, score));
                tesseractAlone(set.get(), labels, name.equals("cn-scenes")).ifPresent(s -> baseline.add(row(name, s)));
            }
            report.add(syntheticScenes(reader));
        }
        String text = String.join("\n", report) + "\n\nTesseract alone:\n\n" + String.join("\n", baseline) + "\n";
        System.out.println(text);
        Path buildFolder = Path.of(AnprBenchmark.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getParent();
        Files.writeString(buildFolder.resolve("anpr-benchmark.md"), text);
    }

    private static List<PlateLabels.Label> scored(Path set) throws IOException {
        return PlateLabels.read(set.resolve("labels.csv")).labels().stream()
                .filter(PlateLabels.Label::scored)
                .toList();
    }

    private static String row(String name, PlateScore s) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.1f | %.1f |",
                name,
                s.images(),
                100 * s.exactShare(),
                100 * s.exactButProvinceShare(),
                100 * s.characterAccuracy(),
                100 * s.foundShare(),
                s.medianMillis(),
                s.p95Millis());
    }

    /** 1280×720 synthetic lane scenes, every camera condition: plate found and read, ms per frame. */
    private static String syntheticScenes(PlateReader reader) {
        TruckSceneRenderer scenes = new TruckSceneRenderer();
        Random random = new Random(11);
        PlateScore score = new PlateScore();
        List<Set<SceneVariant>> variants = new ArrayList<>();
        variants.add(Set.of());
        for (SceneVariant v : SceneVariant.values()) {
            variants.add(EnumSet.of(v));
        }
        for (int round = 0; round < 10; round++) {
            for (Set<SceneVariant> variant : variants) {
                Plate plate = RandomPlates.gateTruck(random);
                GateScene scene = scenes.render(
                        TruckSceneSpec.of(plate, random.nextLong()).withVariants(variant));
                Mat frame = TestImages.mat(scene.image());
                long t0 = System.nanoTime();
                List<PlateCandidate> reads = reader.read(frame);
                double ms = (System.nanoTime() - t0) / 1e6;
                frame.close();
                String best = reads.stream()
                        .map(PlateCandidate::text)
                        .filter(t -> TestImages.sameButUnreadChinese(plate.normalized(), t))
                        .findFirst()
                        .orElse(reads.isEmpty() ? "" : reads.get(0).text());
                score.add(new PlateLabels.Label("", plate.normalized(), Set.of(plate.normalized()), ""), best, ms);
            }
        }
        return row("synthetic 1280×720 scenes (7 conditions × 10)", score);
    }

    /**
     * The set read by the {@code tesseract} command (Debian's tesseract-ocr, its own eng model), one process
     * over the whole list: {@code --psm 7} (one text line) for crops, {@code --psm 11} (sparse text) for full
     * scenes, where a scene counts when the plate appears anywhere in the output. Empty when not installed.
     */
    private static Optional<PlateScore> tesseractAlone(Path set, List<PlateLabels.Label> labels, boolean scenes)
            throws IOException, InterruptedException {
        Path list = Files.createTempFile("anpr-baseline", ".txt");
        try {
            List<String> files = labels.stream()
                    .map(l -> set.resolve(l.file()).toAbsolutePath().toString())
                    .toList();
            Files.write(list, files, StandardCharsets.UTF_8);
            ProcessBuilder pb =
                    new ProcessBuilder("tesseract", list.toString(), "-", "--psm", scenes ? "11" : "7", "-l", "eng");
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            long t0 = System.nanoTime();
            Process process;
            try {
                process = pb.start();
            } catch (IOException notInstalled) {
                return Optional.empty();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.MINUTES);
            double msPerImage = (System.nanoTime() - t0) / 1e6 / labels.size();
            String[] pages = out.split("\f", -1);
            PlateScore score = new PlateScore();
            for (int i = 0; i < labels.size(); i++) {
                String text = i < pages.length ? PlateParser.normalize(pages[i]) : "";
                score.add(labels.get(i), scenes ? foundIn(labels.get(i), text) : text, msPerImage);
            }
            return Optional.of(score);
        } finally {
            Files.deleteIfExists(list);
        }
    }

    /** For a scene: the labelled plate (or its Latin part) when the whole output holds it, else the output. */
    private static String foundIn(PlateLabels.Label label, String text) {
        for (String plate : label.allPlates()) {
            if (text.contains(plate)) {
                return plate;
            }
            String latin = plate.substring(1);
            if (text.contains(latin)) {
                return "?" + latin;
            }
        }
        return text.length() > 12 ? text.substring(0, 12) : text;
    }
}
