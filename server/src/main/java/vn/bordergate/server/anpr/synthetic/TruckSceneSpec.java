package vn.bordergate.server.anpr.synthetic;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import vn.bordergate.common.plate.Plate;

/**
 * What to draw in one still scene: the truck's front plate, optionally a trailer leaving in the next
 * lane with its rear plate, the camera conditions and the seed that fixes everything else (truck
 * colours, position, road, effect strengths).
 *
 * @param trailerPlate {@code null} for no trailer
 * @param distanceM distance from the camera to the truck's front in metres, or NaN for a seeded
 *     random distance between 5.5 and 13 m (9 to 13 m with a trailer, which must show beside the truck)
 */
public record TruckSceneSpec(
        Plate tractorPlate,
        PlateStyle tractorStyle,
        Plate trailerPlate,
        PlateStyle trailerStyle,
        Set<SceneVariant> variants,
        long seed,
        double distanceM,
        int width,
        int height) {
    public TruckSceneSpec {
        Objects.requireNonNull(tractorPlate);
        Objects.requireNonNull(tractorStyle);
        if (trailerPlate != null && trailerStyle == null) {
            trailerStyle = PlateStyle.truckRear(trailerPlate);
        }
        variants = variants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(variants));
        if (width < 64 || height < 36) {
            throw new IllegalArgumentException("scene too small: " + width + "x" + height);
        }
    }

    /** A clean 1280 × 720 scene of a truck carrying {@code plate} on the front, styled as at the gate. */
    public static TruckSceneSpec of(Plate plate, long seed) {
        return new TruckSceneSpec(
                plate, PlateStyle.truckFront(plate), null, null, Set.of(), seed, Double.NaN, 1280, 720);
    }

    public TruckSceneSpec withStyle(PlateStyle style) {
        return new TruckSceneSpec(
                tractorPlate, style, trailerPlate, trailerStyle, variants, seed, distanceM, width, height);
    }

    /** Adds a trailer leaving in the next lane, its rear plate styled by {@link PlateStyle#truckRear}. */
    public TruckSceneSpec withTrailer(Plate plate) {
        return withTrailer(plate, PlateStyle.truckRear(plate));
    }

    public TruckSceneSpec withTrailer(Plate plate, PlateStyle style) {
        return new TruckSceneSpec(tractorPlate, tractorStyle, plate, style, variants, seed, distanceM, width, height);
    }

    public TruckSceneSpec withVariants(Set<SceneVariant> set) {
        return new TruckSceneSpec(
                tractorPlate, tractorStyle, trailerPlate, trailerStyle, set, seed, distanceM, width, height);
    }

    public TruckSceneSpec withVariants(SceneVariant... set) {
        return withVariants(set.length == 0 ? Set.of() : EnumSet.of(set[0], set));
    }

    public TruckSceneSpec withDistance(double metres) {
        return new TruckSceneSpec(
                tractorPlate, tractorStyle, trailerPlate, trailerStyle, variants, seed, metres, width, height);
    }

    public TruckSceneSpec withSize(int w, int h) {
        return new TruckSceneSpec(
                tractorPlate, tractorStyle, trailerPlate, trailerStyle, variants, seed, distanceM, w, h);
    }
}
