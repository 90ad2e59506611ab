package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TesseractEnginesTest {
    private static Mat line;

    @BeforeAll
    static void renderLine() {
        line = TestImages.greyLine();
    }

    @AfterAll
    static void release() {
        line.close();
    }

    @Test
    void oneThreadKeepsOneEngineForEveryRead() {
        try (TesseractEngines engines = new TesseractEngines(TesseractModel.bundledEnglish())) {
            TesseractEngine first = engines.forCurrentThread();
            for (int i = 0; i < 5; i++) {
                assertThat(engines.forCurrentThread().readLine(line).text()).isEqualTo("29H33578");
            }

            assertThat(engines.forCurrentThread()).isSameAs(first);
            assertThat(engines.created()).isEqualTo(1);
            assertThat(first.lines()).isEqualTo(5);
        }
    }

    @Test
    void aSymbolCarriesItsCharacterAndAtMostTheConfiguredAlternatives() {
        try (TesseractEngine engine = new TesseractEngine(TesseractModel.bundledEnglish())) {
            LineRead read = engine.readLine(line);

            assertThat(read.text()).isEqualTo("29H33578");
            // each extra beam search adds at most one character per symbol (Tesseract's default of five gives six)
            assertThat(read.symbols())
                    .allSatisfy(s ->
                            assertThat(s.choices()).hasSizeLessThanOrEqualTo(TesseractEngine.CHOICE_ITERATIONS + 1))
                    .anySatisfy(s -> assertThat(s.choices()).hasSize(TesseractEngine.CHOICE_ITERATIONS + 1));
        }
    }

    @Test
    void eachWorkerThreadGetsItsOwnEngineAndKeepsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Set<TesseractEngine> seen = ConcurrentHashMap.newKeySet();
        try (TesseractEngines engines = new TesseractEngines(TesseractModel.bundledEnglish())) {
            List<Future<String>> reads = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                reads.add(pool.submit(() -> {
                    TesseractEngine engine = engines.forCurrentThread();
                    seen.add(engine);
                    return engine.readLine(line).text();
                }));
            }
            for (Future<String> read : reads) {
                assertThat(read.get()).isEqualTo("29H33578");
            }

            // 30 reads on at most 3 threads: at most 3 engines were ever initialised
            assertThat(engines.created()).isBetween(1, 3);
            assertThat(seen).hasSize(engines.created());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReaderUsesTheCallingThreadsEngineForEveryImage() {
        try (PlateReader reader = new PlateReader()) {
            Mat crop = new Mat();
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(
                    line, crop, org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR);
            for (int i = 0; i < 4; i++) {
                assertThat(reader.readCrop(crop).map(PlateCandidate::text)).contains("29H33578");
            }
            crop.close();

            assertThat(reader.engines().created()).isEqualTo(1);
            assertThat(reader.engines().forCurrentThread().lines()).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void perCharacterAlternativesComeWithTheRead() {
        try (TesseractEngine engine = new TesseractEngine(TesseractModel.bundledEnglish())) {
            LineRead read = engine.readLine(line);

            assertThat(read.symbols()).hasSize(8);
            assertThat(read.symbols())
                    .allSatisfy(s -> assertThat(s.bestProbability()).isBetween(0.0, 1.0));
            assertThat(read.meanProbability()).isGreaterThan(0.5);
        }
    }

    @Test
    void closedEnginesAreNotHandedOut() {
        TesseractEngines engines = new TesseractEngines(TesseractModel.bundledEnglish());
        engines.forCurrentThread();
        engines.close();

        assertThatThrownBy(engines::forCurrentThread).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEngineRefusesImagesItCannotRead() {
        try (TesseractEngine engine = new TesseractEngine(TesseractModel.bundledEnglish());
                Mat colour = new Mat(10, 10, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            assertThatThrownBy(() -> engine.readLine(colour)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.readLine(new Mat())).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
