package vn.bordergate.server.anpr.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateKind;

/**
 * Writes a synthetic benchmark set: N lane-camera scenes with {@code labels.csv}, optionally plate crops
 * and a truck video with per-frame ground truth.
 *
 * <pre>
 * java -cp 'server/target/bordergate-server.jar:server/target/lib/*' \
 *     vn.bordergate.server.anpr.synthetic.SyntheticPlatesMain --out synth --count 500 --video synth/lane.mkv
 * </pre>
 */
@Command(
        name = "synthetic-plates",
        mixinStandardHelpOptions = true,
        description = "Writes synthetic gate-camera scenes (and optionally a video) with plate ground truth.")
public final class SyntheticPlatesMain implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--count", defaultValue = "100", description = "number of scenes (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the whole set (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--variants",
            defaultValue = "mixed",
            description = "'mixed' (a third clean, the rest 1-3 random conditions), 'clean', or a fixed set such"
                    + " as 'night+noise' (default ${DEFAULT-VALUE})")
    String variants;

    @Option(
            names = "--kinds",
            split = ",",
            description = "plate kinds to draw (default: gate trucks, mostly VN_VEHICLE and CN_STANDARD)")
    List<PlateKind> kinds;

    @Option(
            names = "--trailers",
            defaultValue = "0",
            description = "share of scenes with a trailer leaving in the next lane, 0 to 1 (its plate is a second"
                    + " labels row with role TRAILER; default ${DEFAULT-VALUE})")
    double trailers;

    @Option(names = "--format", defaultValue = "jpg", description = "jpg or png (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--crops", description = "also write each plate alone to crops/ with crops.csv")
    boolean crops;

    @Option(names = "--video", description = "also write a truck video (.mkv: MPEG-4, .mp4: H.264) and FILE.csv")
    Path video;

    @Option(
            names = "--video-trucks",
            defaultValue = "5",
            description = "trucks in the video (default ${DEFAULT-VALUE})")
    int videoTrucks;

    @Option(names = "--video-fps", defaultValue = "25", description = "video frame rate (default ${DEFAULT-VALUE})")
    double videoFps;

    @Option(
            names = "--video-seconds",
            defaultValue = "6",
            description = "seconds per truck in the video (default ${DEFAULT-VALUE})")
    double videoSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SyntheticPlatesMain()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("jpg") && !format.equals("png")) {
            System.err.println("synthetic-plates: --format must be jpg or png");
            return 2;
        }
        Files.createDirectories(out.resolve("images"));
        Random random = new Random(seed);
        TruckSceneRenderer renderer = new TruckSceneRenderer();
        long started = System.nanoTime();
        try (Writer labels = Files.newBufferedWriter(out.resolve("labels.csv"), StandardCharsets.UTF_8);
                SceneFiles files = new SceneFiles(out, format, crops)) {
            labels.write(SceneFiles.LABELS_HEADER);
            for (int i = 1; i <= count; i++) {
                Plate plate = kinds == null || kinds.isEmpty()
                        ? RandomPlates.gateTruck(random)
                        : RandomPlates.next(random, kinds.get(random.nextInt(kinds.size())));
                List<PlateStyle> styles = PlateStyle.choices(plate);
                PlateStyle style = kinds == null || kinds.isEmpty()
                        ? PlateStyle.truckFront(plate)
                        : styles.get(random.nextInt(styles.size()));
                TruckSceneSpec spec = TruckSceneSpec.of(plate, random.nextLong())
                        .withStyle(style)
                        .withVariants(pickVariants(random));
                if (random.nextDouble() < trailers) {
                    spec = spec.withTrailer(RandomPlates.trailer(random));
                }
                GateScene scene = renderer.render(spec);
                String file = String.format(Locale.ROOT, "images/scene_%05d.%s", i, format);
                files.writeScene(scene, file, labels);
                if (crops) {
                    files.writeCrop(renderer.plateRenderer(), plate, style, random);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "synthetic-plates: %d scenes in %s (%.1f s)%n",
                count,
                out,
                (System.nanoTime() - started) / 1e9);
        if (video != null) {
            writeVideo(random);
        }
        return 0;
    }

    private void writeVideo(Random random) throws IOException {
        List<Plate> plates = new ArrayList<>();
        for (int i = 0; i < videoTrucks; i++) {
            plates.add(RandomPlates.gateTruck(random));
        }
        Set<SceneVariant> set = variants.equals("mixed") ? Set.of() : SceneVariant.parse(variants);
        TruckVideoSpec spec = new TruckVideoSpec(plates, 1280, 720, videoFps, videoSeconds, set, random.nextLong());
        long started = System.nanoTime();
        TruckParade parade = new TruckParade(spec);
        Path truth = video.resolveSibling(video.getFileName() + ".csv");
        TruckVideo written;
        try (Writer w = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            w.write(SceneFiles.FRAME_TRUTH_HEADER);
            written = TruckVideoWriter.write(
                    parade,
                    video,
                    TruckVideoWriter.Codec.forFile(video),
                    (index, scene) -> SceneFiles.writeFrameTruth(index, spec.fps(), scene, w));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        System.out.printf(
                Locale.ROOT,
                "synthetic-plates: %s, %d frames, %d trucks, truth in %s (%.1f s)%n",
                video,
                written.frameCount(),
                plates.size(),
                truth,
                (System.nanoTime() - started) / 1e9);
    }

    private Set<SceneVariant> pickVariants(Random random) {
        if (!variants.equals("mixed")) {
            return SceneVariant.parse(variants);
        }
        if (random.nextInt(3) == 0) {
            return Set.of();
        }
        EnumSet<SceneVariant> set = EnumSet.noneOf(SceneVariant.class);
        int n = 1 + random.nextInt(3);
        while (set.size() < n) {
            set.add(SceneVariant.values()[random.nextInt(SceneVariant.values().length)]);
        }
        return set;
    }
}
