package vn.bordergate.server.anpr.synthetic;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

/**
 * A synthetic lane-camera picture and what is in it.
 *
 * @param image {@code TYPE_INT_RGB}
 * @param plates the plates in the picture, the tractor's first
 */
public record GateScene(BufferedImage image, List<PlateTruth> plates, long seed, Set<SceneVariant> variants) {
    public GateScene {
        plates = List.copyOf(plates);
        variants = Set.copyOf(variants);
    }

    /** The plate of the truck facing the camera, if one is in the picture. */
    public java.util.Optional<PlateTruth> tractorPlate() {
        return plates.stream().filter(p -> p.role() == PlateTruth.Role.TRACTOR).findFirst();
    }
}
