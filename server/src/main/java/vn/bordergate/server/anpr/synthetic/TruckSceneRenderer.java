package vn.bordergate.server.anpr.synthetic;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import vn.bordergate.common.plate.Plate;

/**
 * Draws lane-camera pictures of trucks at the gate with their ground truth. The same spec (and seed)
 * gives the same picture, pixel for pixel; the same seed with other variants gives the same truck and
 * road under other conditions. A renderer holds no mutable state and may be shared between threads.
 */
public final class TruckSceneRenderer {
    private final PlateRenderer plates = new PlateRenderer();
    private final TruckPainter painter = new TruckPainter(plates);

    /** A truck on the approach road, facing the camera or (a trailer leaving) showing its back. */
    record TruckOnRoad(
            Plate plate,
            PlateStyle style,
            PlateArtwork artwork,
            TruckLivery livery,
            double x,
            double z,
            boolean rearView,
            PlateTruth.Role role) {}

    public PlateRenderer plateRenderer() {
        return plates;
    }

    /** Renders one still scene with its ground truth. */
    public GateScene render(TruckSceneSpec spec) {
        Random base = new Random(spec.seed());
        GateCamera cam = GateCamera.forImage(spec.width(), spec.height());
        BufferedImage backdrop = GateBackdrop.render(cam, new Random(base.nextLong()));
        TruckLivery livery = TruckLivery.random(base);
        double u = base.nextDouble();
        double lateral = base.nextGaussian();
        long trailerSeed = base.nextLong();
        boolean withTrailer = spec.trailerPlate() != null;
        double z = !Double.isNaN(spec.distanceM()) ? spec.distanceM() : withTrailer ? 9 + 4 * u : 5.5 + 7.5 * u;
        double x = withTrailer ? 0.3 + 0.6 * u : Math.max(-0.9, Math.min(0.9, lateral * 0.35));

        List<TruckOnRoad> trucks = new ArrayList<>();
        Plate tractor = spec.tractorPlate();
        trucks.add(new TruckOnRoad(
                tractor,
                spec.tractorStyle(),
                plates.typeset(tractor, spec.tractorStyle()),
                livery,
                x,
                z,
                false,
                PlateTruth.Role.TRACTOR));
        if (withTrailer) {
            trucks.add(placeTrailer(cam, spec, x, z, new Random(trailerSeed)));
        }
        Random stable = new Random(spec.seed() * 0x9E3779B97F4A7C15L + 1);
        Random perFrame = new Random(spec.seed() * 31 + 17);
        return renderFrame(cam, backdrop, trucks, spec.variants(), stable, perFrame, spec.seed());
    }

    /** Paints {@code trucks} (any order) over a copy of {@code backdrop}, then the camera conditions. */
    GateScene renderFrame(
            GateCamera cam,
            BufferedImage backdrop,
            List<TruckOnRoad> trucks,
            Set<SceneVariant> variants,
            Random stable,
            Random perFrame,
            long seed) {
        BufferedImage image = new BufferedImage(cam.width(), cam.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        List<List<Point2D>> quads = new ArrayList<>();
        List<TruckOnRoad> truthOrder = new ArrayList<>();
        List<Point2D> lights = new ArrayList<>();
        double lightRadius = 0;
        try {
            g.drawImage(backdrop, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            List<TruckOnRoad> farFirst = new ArrayList<>(trucks);
            farFirst.sort(Comparator.comparingDouble(TruckOnRoad::z).reversed());
            for (TruckOnRoad t : farFirst) {
                PlatePaint colour = t.style().paint();
                TruckPainter.Painted painted = t.rearView()
                        ? painter.paintRear(g, cam, t.livery(), t.x(), t.z(), t.artwork(), colour)
                        : painter.paintFront(g, cam, t.livery(), t.x(), t.z(), t.artwork(), colour);
                // tractor plates first in the truth, in the order given
                int at = t.role() == PlateTruth.Role.TRACTOR ? 0 : quads.size();
                quads.add(at, new ArrayList<>(painted.plateCorners()));
                truthOrder.add(at, t);
                if (!t.rearView()) {
                    lights.addAll(painted.headlights());
                    lightRadius = Math.max(lightRadius, painted.lightRadiusPx());
                }
            }
        } finally {
            g.dispose();
        }
        SceneEffects.Canvas canvas = new SceneEffects.Canvas(image, quads, lights, lightRadius);
        SceneEffects.apply(canvas, variants, stable, perFrame);
        List<PlateTruth> truth = new ArrayList<>();
        for (int i = 0; i < quads.size(); i++) {
            TruckOnRoad t = truthOrder.get(i);
            truth.add(new PlateTruth(t.plate(), t.style(), t.role(), quads.get(i)));
        }
        return new GateScene(canvas.image, truth, seed, variants);
    }

    /**
     * A trailer leaving in a neighbouring lane, far enough to show its whole rear plate beside the
     * truck at {@code (x, z)}.
     */
    private TruckOnRoad placeTrailer(GateCamera cam, TruckSceneSpec spec, double x, double z, Random random) {
        PlateArtwork art = plates.typeset(spec.trailerPlate(), spec.trailerStyle());
        Area truck = TruckPainter.frontSilhouette(cam, x, z);
        TruckLivery livery = TruckLivery.random(random);
        double start = 16 + random.nextDouble() * 6;
        double[] lanes = random.nextBoolean() ? new double[] {-3.6, 3.6} : new double[] {3.6, -3.6};
        for (double lane : lanes) {
            for (double zr = start; zr < 60; zr += 1.5) {
                double xr = lane + (random.nextDouble() - 0.5) * 0.4;
                List<Point2D> quad = TruckPainter.corners(TruckPainter.rearPlateTransform(cam, xr, zr, art), art);
                if (zr > z + 4
                        && inside(quad, cam, 4)
                        && !truck.intersects(SceneEffects.polygon(quad).getBounds2D())) {
                    return new TruckOnRoad(
                            spec.trailerPlate(),
                            spec.trailerStyle(),
                            art,
                            livery,
                            xr,
                            zr,
                            true,
                            PlateTruth.Role.TRAILER);
                }
            }
        }
        throw new IllegalArgumentException(
                "no room for a visible trailer plate beside a truck at " + z + " m; use a distance of at least 9 m");
    }

    private static boolean inside(List<Point2D> quad, GateCamera cam, double margin) {
        return quad.stream()
                .allMatch(p -> p.getX() >= margin
                        && p.getY() >= margin
                        && p.getX() <= cam.width() - margin
                        && p.getY() <= cam.height() - margin);
    }
}
