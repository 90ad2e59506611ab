package vn.bordergate.server.anpr.synthetic;

import java.nio.file.Path;
import java.util.List;

/** A written synthetic video: the file, what went into it and when each truck is in the picture. */
public record TruckVideo(Path file, TruckVideoSpec spec, int frameCount, List<TruckParade.TruckPass> passes) {
    public TruckVideo {
        passes = List.copyOf(passes);
    }

    public double durationSeconds() {
        return frameCount / spec.fps();
    }
}
