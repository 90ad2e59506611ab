package vn.bordergate.server.anpr.synthetic;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.bordergate.common.plate.Plate;

/**
 * The frames of a synthetic lane-camera video, on demand: trucks drive up to the camera one after
 * another, stop at the reading distance and pull away to the side. Frame {@code i} is the same picture
 * every time it is asked for, with its ground truth; {@link TruckVideoWriter} encodes them to a file,
 * and a simulated camera can also pull frames straight from here (from several threads at once, if it
 * wants: nothing in a parade changes after construction).
 */
public final class TruckParade {
    /** Where the trucks first appear, in metres from the camera (a 440 mm plate is about 20 px wide). */
    static final double FAR_M = 45;

    private static final double APPROACH = 0.5;
    private static final double STOPPED = 0.25;

    /**
     * The frames one truck is in the picture: {@code [firstFrame, endFrame)}; stopped at the reading
     * distance over {@code [stoppedFrom, leavingFrom)}.
     */
    public record TruckPass(Plate plate, int firstFrame, int stoppedFrom, int leavingFrom, int endFrame) {}

    private record Truck(
            Plate plate, PlateStyle style, PlateArtwork artwork, TruckLivery livery, double x, double exitSide) {}

    private final TruckVideoSpec spec;
    private final GateCamera camera;
    private final BufferedImage backdrop;
    private final TruckSceneRenderer renderer = new TruckSceneRenderer();
    private final List<Truck> trucks = new ArrayList<>();

    public TruckParade(TruckVideoSpec spec) {
        this.spec = spec;
        this.camera = GateCamera.forImage(spec.width(), spec.height());
        this.backdrop = GateBackdrop.render(camera, new Random(spec.seed()));
        for (int i = 0; i < spec.plates().size(); i++) {
            Random random = new Random(spec.seed() * 1_000_003L + i);
            Plate plate = spec.plates().get(i);
            PlateStyle style = PlateStyle.truckFront(plate);
            TruckLivery livery = TruckLivery.random(random);
            double x = Math.max(-0.5, Math.min(0.5, random.nextGaussian() * 0.25));
            double exitSide = random.nextBoolean() ? 1 : -1;
            trucks.add(new Truck(plate, style, renderer.plateRenderer().typeset(plate, style), livery, x, exitSide));
        }
    }

    public TruckVideoSpec spec() {
        return spec;
    }

    public int frameCount() {
        return spec.frameCount();
    }

    /** When each truck is in the picture. */
    public List<TruckPass> passes() {
        int n = spec.framesPerTruck();
        List<TruckPass> passes = new ArrayList<>();
        for (int i = 0; i < trucks.size(); i++) {
            int first = i * n;
            passes.add(new TruckPass(
                    trucks.get(i).plate(),
                    first,
                    first + (int) Math.ceil(n * APPROACH),
                    first + (int) Math.ceil(n * (APPROACH + STOPPED)),
                    first + n));
        }
        return passes;
    }

    /** Frame {@code index} (0-based) with the plates in it; a plate may lie partly outside the picture. */
    public GateScene frame(int index) {
        if (index < 0 || index >= frameCount()) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + frameCount());
        }
        int n = spec.framesPerTruck();
        Truck truck = trucks.get(index / n);
        double f = (index % n) / (double) n;
        double z;
        double x = truck.x();
        double reading = GateCamera.READING_DISTANCE_M;
        if (f < APPROACH) {
            double s = f / APPROACH;
            z = FAR_M + (reading - FAR_M) * (1 - (1 - s) * (1 - s));
        } else if (f < APPROACH + STOPPED) {
            z = reading;
        } else {
            double s = (f - APPROACH - STOPPED) / (1 - APPROACH - STOPPED);
            z = reading - 3 * s * s;
            x += truck.exitSide() * 6 * s * s;
        }
        var onRoad = new TruckSceneRenderer.TruckOnRoad(
                truck.plate(), truck.style(), truck.artwork(), truck.livery(), x, z, false, PlateTruth.Role.TRACTOR);
        Random stable = new Random(spec.seed() * 0x9E3779B97F4A7C15L + 1);
        Random perFrame = new Random(spec.seed() * 31 + index);
        return renderer.renderFrame(camera, backdrop, List.of(onRoad), spec.variants(), stable, perFrame, spec.seed());
    }
}
