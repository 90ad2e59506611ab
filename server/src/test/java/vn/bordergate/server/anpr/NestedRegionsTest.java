package vn.bordergate.server.anpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which overlapping finder regions survive ({@link PlateFinder#suppressOverlaps}): a region inside a better one of
 * about its size is dropped, but a plate around a small bright piece of itself, or a plate inside a large coloured
 * body, is kept beside it (cn-scenes 062, 154, 166; docs/anpr.md, "Scenes: both cuts and nested regions").
 */
class NestedRegionsTest {
    private static final PlateRegion PLATE = region(300, 270, 212, 61, PlateRegion.Source.COLOUR, 0.68);

    @Test
    void aPlateAroundASmallBetterBlobIsKept() {
        PlateRegion blob = region(290, 265, 40, 25, PlateRegion.Source.COLOUR, 1.01);
        List<PlateRegion> kept = PlateFinder.suppressOverlaps(List.of(blob, PLATE));
        assertEquals(1.0, blob.overlap(PLATE), 1e-9, "the blob lies wholly inside the plate");
        assertTrue(kept.contains(PLATE), "the plate's region is not dropped for a piece of itself");
        assertEquals(2, kept.size());
    }

    @Test
    void aPlateInsideALargeBetterBodyIsKept() {
        PlateRegion body = region(320, 280, 1200, 264, PlateRegion.Source.COLOUR, 0.95);
        List<PlateRegion> kept = PlateFinder.suppressOverlaps(List.of(body, PLATE));
        assertTrue(kept.contains(PLATE));
        assertEquals(2, kept.size());
    }

    @Test
    void aRegionOfAboutTheSameSizeInsideABetterOneIsDropped() {
        PlateRegion stroke = region(302, 271, 176, 57, PlateRegion.Source.DARK_TEXT, 0.49);
        List<PlateRegion> kept = PlateFinder.suppressOverlaps(List.of(PLATE, stroke));
        assertEquals(List.of(PLATE), kept, "the same plate found by its strokes is one region, not two");
    }

    private static PlateRegion region(double x, double y, double w, double h, PlateRegion.Source source, double score) {
        return new PlateRegion(x, y, w, h, 0, source, score);
    }
}
