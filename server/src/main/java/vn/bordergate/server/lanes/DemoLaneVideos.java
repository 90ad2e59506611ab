package vn.bordergate.server.lanes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.anpr.synthetic.TruckVideoWriter;
import vn.bordergate.server.camera.CameraSource;
import vn.bordergate.server.service.CrossingQueries;

/**
 * Simulated lane cameras for the demo: a video per camera of trucks that are really expected today
 * (accepted declarations still en route), played in a loop, so their plates are read, matched and
 * the crossings move on, exactly as with a real camera.
 */
public final class DemoLaneVideos {
    /** The demo lanes with a camera: one import and one export lane keep two cores free enough. */
    static final List<String[]> CAMERAS = List.of(new String[] {"CAM-L1", "L1"}, new String[] {"CAM-L3", "L3"});

    static final int TRUCKS_PER_CAMERA = 4;

    private DemoLaneVideos() {}

    /** Writes the videos into {@code dataDir/cameras} (once; they are reused on restart) and names them. */
    public static List<CameraSource> prepare(Path dataDir, CrossingQueries crossings, long seed) {
        Path folder = dataDir.resolve("cameras");
        List<Plate> expected =
                crossings.list(CrossingStatus.EN_ROUTE, null, CAMERAS.size() * TRUCKS_PER_CAMERA).stream()
                        .map(CrossingDto::tractorPlate)
                        .map(PlateParser::parse)
                        .toList();
        List<CameraSource> sources = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < CAMERAS.size(); i++) {
                String code = CAMERAS.get(i)[0];
                Path video = folder.resolve(code + ".mkv");
                List<Plate> plates = expected.subList(
                        Math.min(expected.size(), i * TRUCKS_PER_CAMERA),
                        Math.min(expected.size(), (i + 1) * TRUCKS_PER_CAMERA));
                if (!Files.exists(video) && !plates.isEmpty()) {
                    TruckVideoWriter.writeDemoClip(video, plates, seed + i);
                }
                if (Files.exists(video)) {
                    sources.add(CameraSource.parse(code, CAMERAS.get(i)[1], video.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo camera videos could not be written to " + folder, e);
        }
        return sources;
    }
}
