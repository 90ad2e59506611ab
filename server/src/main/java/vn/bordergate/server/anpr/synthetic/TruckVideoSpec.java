package vn.bordergate.server.anpr.synthetic;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.bordergate.common.plate.Plate;

/**
 * A synthetic lane-camera video: trucks drive up one after another, each taking
 * {@code secondsPerTruck}: half of it approaching (the plate grows from about 20 px to readable), a
 * quarter stopped at the reading distance, a quarter pulling away to the side out of the picture.
 *
 * @param plates one truck per plate, in order; each carries its plate in {@link PlateStyle#truckFront}
 */
public record TruckVideoSpec(
        List<Plate> plates,
        int width,
        int height,
        double fps,
        double secondsPerTruck,
        Set<SceneVariant> variants,
        long seed) {
    public TruckVideoSpec {
        plates = List.copyOf(plates);
        variants = variants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(variants));
        Objects.requireNonNull(plates);
        if (plates.isEmpty()) {
            throw new IllegalArgumentException("a truck video needs at least one plate");
        }
        if (width < 64 || height < 36 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("video size must be even and at least 64x36: " + width + "x" + height);
        }
        if (!(fps > 0 && fps <= 120) || !(secondsPerTruck >= 0.5)) {
            throw new IllegalArgumentException("need 0 < fps <= 120 and at least 0.5 s per truck");
        }
    }

    /** 1280 × 720 at 25 fps, 6 s per truck, clean: what the demo lane cameras loop. */
    public static TruckVideoSpec demo(List<Plate> plates, long seed) {
        return new TruckVideoSpec(plates, 1280, 720, 25, 6, Set.of(), seed);
    }

    /** Frames each truck takes (at least 4). */
    public int framesPerTruck() {
        return Math.max(4, (int) Math.round(secondsPerTruck * fps));
    }

    public int frameCount() {
        return framesPerTruck() * plates.size();
    }

    public TruckVideoSpec withVariants(Set<SceneVariant> set) {
        return new TruckVideoSpec(plates, width, height, fps, secondsPerTruck, set, seed);
    }

    public TruckVideoSpec withSize(int w, int h) {
        return new TruckVideoSpec(plates, w, h, fps, secondsPerTruck, variants, seed);
    }
}
