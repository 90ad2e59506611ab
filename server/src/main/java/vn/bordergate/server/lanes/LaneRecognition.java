package vn.bordergate.server.lanes;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.anpr.PlateCandidate;
import vn.bordergate.server.anpr.PlateReader;
import vn.bordergate.server.anpr.tracking.PlateEvidence;
import vn.bordergate.server.anpr.tracking.PlateSighting;
import vn.bordergate.server.anpr.tracking.PlateVoting;
import vn.bordergate.server.anpr.tracking.VehiclePass;
import vn.bordergate.server.anpr.tracking.VotedPlate;
import vn.bordergate.server.camera.CameraFrame;
import vn.bordergate.server.camera.FrameSink;
import vn.bordergate.server.camera.PlateBox;
import vn.bordergate.server.camera.RecentPlateBoxes;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.service.GateException;
import vn.bordergate.server.service.PlateReadService;

/**
 * One lane camera's recognition: every frame it is handed is read for plates, the sightings are
 * voted into one read per vehicle pass, and each pass goes to the plate-read service, which matches
 * it to a crossing. Runs on the camera subscription's own thread, so its reader engine is its own.
 */
final class LaneRecognition implements FrameSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LaneRecognition.class);

    private final String cameraCode;
    private final PlateReader reader = PlateReader.forLaneCamera();
    private final PlateVoting voting;
    private final RecentPlateBoxes boxes = new RecentPlateBoxes();
    private final PlateReadService reads;
    private final Actor camera;
    private final AtomicLong notRecorded = new AtomicLong();

    LaneRecognition(String cameraCode, PlateReadService reads) {
        this.cameraCode = cameraCode;
        this.reads = reads;
        this.camera = new Actor(0, "camera:" + cameraCode, Role.CAMERA, null, null, null);
        this.voting =
                new PlateVoting(Duration.ofMillis(1500), Duration.ofSeconds(3), Duration.ofMinutes(2), 2, this::report);
    }

    /** The plates seen lately, for drawing boxes on the preview. */
    RecentPlateBoxes boxes() {
        return boxes;
    }

    @Override
    public void accept(CameraFrame frame) {
        List<PlateCandidate> candidates = reader.read(frame.image());
        List<PlateBox> seen = new ArrayList<>();
        FrameCopy copy = new FrameCopy(frame);
        for (PlateCandidate c : candidates) {
            Rectangle box = new Rectangle(
                    c.box().x(), c.box().y(), c.box().width(), c.box().height());
            voting.observe(new PlateSighting(
                    cameraCode, frame.arrivedAt(), c.text(), c.confidence(), () -> new PlateEvidence(copy.get(), box)));
            seen.add(new PlateBox(
                    c.box().x(), c.box().y(), c.box().width(), c.box().height(), c.text()));
        }
        if (candidates.isEmpty()) {
            voting.advanceTo(frame.arrivedAt());
        }
        boxes.post(seen);
    }

    /** The frame copied at most once however many of its plates become their track's best view. */
    private static final class FrameCopy {
        private final CameraFrame frame;
        private BufferedImage copy;

        FrameCopy(CameraFrame frame) {
            this.frame = frame;
        }

        BufferedImage get() {
            if (copy == null) {
                copy = frame.toBufferedImage();
            }
            return copy;
        }
    }

    private void report(VehiclePass pass) {
        VotedPlate trailer = pass.trailer();
        try {
            reads.recordPass(
                    camera,
                    request(pass.tractor()),
                    pass.tractor().evidence(),
                    trailer == null ? null : request(trailer),
                    trailer == null ? null : trailer.evidence());
        } catch (GateException e) {
            notRecorded.incrementAndGet();
            LOG.warn("{}: read {} not recorded: {}", cameraCode, pass.tractor().text(), e.getMessage());
        } catch (RuntimeException e) {
            // anything else (the database gone at stop, a picture that cannot be kept) would escape into the
            // voting and the camera thread, which logs a failing frame only now and then: say which read it was
            notRecorded.incrementAndGet();
            LOG.error("{}: read {} not recorded", cameraCode, pass.tractor().text(), e);
        }
    }

    /** Passes this lane voted but could not record (each logged with its plate). */
    long notRecorded() {
        return notRecorded.get();
    }

    private NewPlateReadRequest request(VotedPlate plate) {
        return new NewPlateReadRequest(cameraCode, plate.lastSeen(), plate.text(), plate.confidence(), null);
    }

    /** Reports the passes still being voted on (the server records them before its writer closes). */
    @Override
    public void close() {
        try {
            voting.flush();
        } finally {
            reader.close();
        }
    }
}
