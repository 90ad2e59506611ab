package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads a fixed sample of each real photo set in {@code ../shared/plates} (evaluation data outside the repository;
 * skipped when absent) and asserts accuracy floors a little below what was measured on the same sample
 * (docs/anpr.md), so that accuracy cannot silently regress. The Chinese sets are held to exactness with the
 * unread province character forgiven: the English model cannot read it (a later issue adds a classifier).
 */
class RealPlatesTest {
    private static PlateReader reader;

    @BeforeAll
    static void open() {
        reader = new PlateReader();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @ParameterizedTest(name = "{0}: {1} images, exact >= {2}, province forgiven >= {3}, characters >= {4}")
    @CsvSource({
        // measured on these samples with the province and serial classifiers (2026-11-23): 83.8 % / 95.2 %
        // characters; 63.7 % / 87.2 %; cn-crops 43.8 % exact, 43.8 % ? forgiven, 77.7 % (26.3 %, 33.8 %, 67.7 %
        // before the serial classifier); cn-scenes 18.8 %, 18.8 %, 54.0 % (the layout fit now places a province
        // box where none was found, so a wrong province replaces many ? and "forgiven" fell from 25.0 %).
        // cn-crops gets no exact floor here: this sample holds images the classifier trained on (the even
        // numbers); ProvinceClassifierTest asserts exact on held-out ones. cn-scenes was never trained on.
        // vn-one-row and vn-mixed-silver after the one-row grammar changes (no motorbike plate on a wide one-row
        // crop, a cheap drop at the dash; 2026-11-23): 85.0 % / 94.9 % characters, and 67.5 % / 91.7 %; with the
        // vote weighing each read's alternatives (CropVote) vn-one-row 86.3 % / 95.2 %
        // a tight crop read whole, an unsure vote read flattened too (session 20): 93.8 % / 98.6 %
        // the glyph networks (session 26): 93.8 % / 98.9 %
        // the CTC line network's say (session 27, branch vnctc): 96.3 % / 99.3 % (two networks, vnseed: the same)
        "vn-one-row,      80, 0.94, 0.94, 0.98",
        // vn-mixed-silver after the two-row changes (series digit, row split, top band, row vote, bottom-row start;
        // 2026-11-23): 66.3 % exact, 91.5 % characters (57.5 % / 87.2 % before); with the glyph classifier's say on
        // the bottom row (RowVote, branch vnread) 70.0 % / 91.8 %; with the frame's top edge erased from the top
        // row and the dash cheaper to drop (branch vntop) 70.0 % / 92.6 %
        // session 20 (the same two rules): 72.5 % / 94.1 %
        // the glyph networks (session 26): 76.3 % / 93.6 %
        // the CTC line network's say on each row (session 27, branch vntwo): 82.5 % / 93.5 %; a row network (vnrows):
        // 87.5 % / 95.4 %; two row networks read together (session 28, branch vnseed): 91.3 % / 95.8 %
        "vn-mixed-silver, 80, 0.88, 0.88, 0.94",
        // cn-crops with the glyph classifiers averaging five cuts of each box (2026-11-23): 47.5 % ? forgiven,
        // 79.6 % characters; cn-scenes 15.6 % / 15.6 % / 54.5 % on this sample (one photo's province changed; the
        // whole set is unchanged at 16.4 %). With the retrained province net and the tight second cut (cnprov,
        // 2026-11-23): cn-crops 48.8 % / 80.2 %; cn-scenes 15.6 % / 15.6 % / 61.2 % (whole set 24.2 %)
        // serial classifier on plate-like renders, the layout fit the other way (2026-11-23, branch cnserial): cn-crops
        // 51.2 % / 82.3 %; cn-scenes 15.6 % / 15.6 % / 61.2 % (unchanged on this sample; whole set 24.2 → 25.0 %)
        // the layout fit's wider scale search and the serial net retrained on its cuts (2026-11-23, branch cnfit):
        // cn-crops 61.3 % / 85.9 %; cn-scenes 21.9 % / 21.9 % / 61.6 % (whole set 28.1 → 28.9 %)
        // three serial networks averaged, the province at the surer box, the frame-cut fit, the glyph read weighing 3
        // (2026-11-24, branch cncrop): cn-crops 67.5 % / 85.4 %; cn-scenes 18.8 % / 18.8 % / 61.2 % (one photo fewer
        // on this sample; whole set 28.9 → 32.8 %)
        // session 20: 73.8 % ? forgiven, 88.2 % characters
        // the serial and province glyphs read by small convolutional networks (session 26): 87.5 % / 93.0 %
        // the CTC line network's say on the Latin characters (session 27, branch cnctc): 91.3 % / 96.1 %
        // province networks trained on eight typefaces (session 28, branch prov): 90.0 % / 95.9 % (one crop, 皖 → 黑)
        "cn-crops,        80, 0.00, 0.89, 0.94",
        // the finder keeping a plate nested in a larger or smaller better region, and a blue region's tight cut read
        // too (2026-11-24, branch cnscene): cn-scenes 28.1 % / 28.1 % / 69.2 % on this sample (whole set 28.9 → 33.6 %)
        // both merged (2026-11-24): cn-crops 67.5 % / 85.4 %; cn-scenes 28.1 % / 28.1 % / 69.6 % (whole set 36.7 %)
        // province templates for large glyphs, the rimmed blue plate, pale blue plates (session 19): cn-scenes 53.1 % /
        // 53.1 % / 78.6 % on this sample (whole set 42.2 → 54.7 %)
        // the glyph networks (session 26): 65.6 % / 65.6 % / 80.8 % on this sample (whole set 56.3 → 71.9 %)
        // a second look at frames with nothing read, the Chinese line network (session 27): 71.9 % / 71.9 % / 87.1 %
        // (whole set 72.7 → 77.3 %)
        // province networks trained on eight typefaces (session 28, branch prov): 75.0 % / 75.0 % / 87.5 % (whole set
        // 77.3 → 79.7 %)
        // with the last look and the province box after the dot (session 28, merged): 81.3 % / 81.3 % / 91.1 % (whole
        // set 82.0 %)
        "cn-scenes,       32, 0.75, 0.75, 0.88"
    })
    void aSampleOfTheRealSetReadsAboveItsFloor(
            String name, int sample, double exact, double provinceForgiven, double characters) throws Exception {
        Optional<Path> set = TestImages.realSet(name);
        assumeTrue(set.isPresent(), "../shared/plates/" + name + " is not on this machine");
        PlateScore score = new PlateScore();
        for (PlateLabels.Label label : TestImages.sample(set.get(), sample)) {
            Mat image = ImageDecoder.read(set.get().resolve(label.file())).orElseThrow();
            long t0 = System.nanoTime();
            String read = reader.readBest(image).map(PlateCandidate::text).orElse("");
            score.add(label, read, (System.nanoTime() - t0) / 1e6);
            image.close();
        }
        System.out.println("RealPlatesTest " + name + ": " + score.summary());

        assertThat(score.exactShare()).as(name + " exact").isGreaterThanOrEqualTo(exact);
        assertThat(score.exactButProvinceShare())
                .as(name + " province forgiven")
                .isGreaterThanOrEqualTo(provinceForgiven);
        assertThat(score.characterAccuracy()).as(name + " characters").isGreaterThanOrEqualTo(characters);
    }
}
