package vn.bordergate.server.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.anpr.tracking.PlateEvidence;
import vn.bordergate.server.security.Actor;

/**
 * Plate reads as a lane camera records them, with pictures, for API tests on a server without running
 * cameras: the same service call the lane recognizer makes, with a drawn 1280x720 frame.
 */
public final class CameraPasses {
    private CameraPasses() {}

    /** A read of {@code plate} by the gate's first camera whose crop and snapshot are on disk when this returns. */
    public static PlateReadDto readWithPictures(TestGate gate, String plate) {
        String camera = gate.as("admin").anpr().cameras().get(0).code();
        Actor actor = new Actor(0, "camera:" + camera, Role.CAMERA, null, null, null);
        Rectangle box = new Rectangle(540, 500, 200, 46);
        PlateReadDto read = gate.server()
                .services()
                .plateReads
                .recordPass(
                        actor,
                        new NewPlateReadRequest(camera, null, plate, 0.91, null),
                        new PlateEvidence(frame(plate, box), box),
                        null,
                        null)
                .get(0);
        try {
            if (!gate.server().services().plateImages.awaitWritten(Duration.ofSeconds(10))) {
                throw new AssertionError("the pictures of read " + read.id() + " were not written in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return read;
    }

    /** A grey scene with a white plate in {@code box}. */
    public static BufferedImage frame(String plate, Rectangle box) {
        BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(90, 95, 100));
        g.fillRect(0, 0, 1280, 720);
        g.setColor(Color.WHITE);
        g.fillRect(box.x, box.y, box.width, box.height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        g.drawString(plate, box.x + 8, box.y + 38);
        g.dispose();
        return frame;
    }
}
