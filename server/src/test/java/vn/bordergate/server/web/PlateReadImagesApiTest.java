package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.anpr.tracking.PlateEvidence;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.support.CameraPasses;
import vn.bordergate.server.support.TestGate;

/**
 * Officers download the crop and snapshot of a camera read as JPEG; reads without pictures, unknown ids
 * and anything that looks like a path answer 404 as an ApiError, and nothing outside the pictures folder is
 * ever served. (Who may download is in AuthorizationMatrixTest; pictures from a real camera in DemoLanesTest.)
 */
class PlateReadImagesApiTest {
    private static final TestGate GATE = TestGate.shared();
    private static PlateReadDto pictured;

    @BeforeAll
    static void aCameraReadWithPictures() {
        pictured = CameraPasses.readWithPictures(GATE, TestGate.uniqueVietnamesePlate());
    }

    @Test
    void theReadNamesItsCropAndBothDownloadAsJpegs() throws IOException {
        assertThat(pictured.imagePath()).matches("plate-reads/\\d{4}-\\d{2}-\\d{2}/" + pictured.id() + "-crop\\.jpg");
        GateClient officer = GATE.as("customs");

        BufferedImage crop = jpeg(officer.download("/api/plate-reads/" + pictured.id() + "/crop", "image/jpeg"));
        BufferedImage frame = jpeg(officer.download("/api/plate-reads/" + pictured.id() + "/snapshot", "image/jpeg"));

        assertThat(frame.getWidth()).isEqualTo(1280);
        assertThat(frame.getHeight()).isEqualTo(720);
        assertThat(crop.getWidth()).isEqualTo(214);
        assertThat(crop.getHeight()).isEqualTo(60);
        assertThat(GATE.as("admin").anpr().plateReads(50))
                .filteredOn(r -> r.id() == pictured.id())
                .singleElement()
                .satisfies(r -> assertThat(r.imagePath()).isEqualTo(pictured.imagePath()));
    }

    @Test
    void aTractorAndItsTrailerKeepTheirOwnPictures() throws IOException, InterruptedException {
        String camera = GATE.as("admin").anpr().cameras().get(0).code();
        Rectangle tractorBox = new Rectangle(540, 500, 200, 46);
        Rectangle trailerBox = new Rectangle(300, 420, 120, 90); // two-row: nearly square
        List<PlateReadDto> pass = GATE.server()
                .services()
                .plateReads
                .recordPass(
                        new Actor(0, "camera:" + camera, Role.CAMERA, null, null, null),
                        new NewPlateReadRequest(camera, null, TestGate.uniqueVietnamesePlate(), 0.9, null),
                        new PlateEvidence(CameraPasses.frame("TRACTOR", tractorBox), tractorBox),
                        new NewPlateReadRequest(camera, null, "29R-012.34", 0.8, null),
                        new PlateEvidence(CameraPasses.frame("TRAILER", trailerBox), trailerBox));
        assertThat(GATE.server().services().plateImages.awaitWritten(Duration.ofSeconds(10)))
                .isTrue();

        assertThat(pass).hasSize(2);
        assertThat(pass.get(1).pairedReadId()).isEqualTo(pass.get(0).id());
        assertThat(pass.get(0).imagePath()).isNotEqualTo(pass.get(1).imagePath());
        GateClient officer = GATE.as("gate");
        BufferedImage tractor =
                jpeg(officer.download("/api/plate-reads/" + pass.get(0).id() + "/crop", "image/jpeg"));
        BufferedImage trailer =
                jpeg(officer.download("/api/plate-reads/" + pass.get(1).id() + "/crop", "image/jpeg"));
        assertThat(tractor.getWidth()).isEqualTo(214);
        assertThat(trailer.getWidth()).isEqualTo(120 + 2 * 14);
        assertThat(trailer.getHeight()).isEqualTo(90 + 2 * 14);
    }

    @Test
    void aReadWithoutPicturesAnswers404() {
        PlateReadDto posted = GATE.as("camera")
                .anpr()
                .postPlateRead(new NewPlateReadRequest(
                        GATE.as("admin").anpr().cameras().get(0).code(),
                        null,
                        TestGate.uniqueVietnamesePlate(),
                        0.9,
                        null));

        assertNotFound("/api/plate-reads/" + posted.id() + "/crop", "plate crop of plate read " + posted.id());
        assertNotFound("/api/plate-reads/" + posted.id() + "/snapshot", "snapshot of plate read " + posted.id());
        assertNotFound("/api/plate-reads/987654321/crop", "plate read 987654321");
    }

    @Test
    void aPathNamedByAClientIsNeverOpened() throws IOException {
        // a read posted with the image path of another read, and one pointing outside the data directory
        String camera = GATE.as("admin").anpr().cameras().get(0).code();
        for (String path : new String[] {pictured.imagePath(), "../../../../etc/passwd", "/etc/passwd"}) {
            PlateReadDto posted = GATE.as("camera")
                    .anpr()
                    .postPlateRead(new NewPlateReadRequest(camera, null, TestGate.uniqueVietnamesePlate(), 0.9, path));
            assertNotFound("/api/plate-reads/" + posted.id() + "/crop", "plate crop of plate read " + posted.id());
        }
        for (String id : new String[] {"..%2F..%2Ftoken.key", "%2E%2E", "1%2F..%2F..", "-1", "1e3"}) {
            RawResponse answer = GATE.as("gate").send("GET", "/api/plate-reads/" + id + "/crop", null);
            assertThat(answer.status())
                    .as("GET .../%s/crop: %s", id, answer.body())
                    .isIn(400, 404);
            assertThat(answer.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        }
        Path pictures = GATE.dataDir().resolve(pictured.imagePath());
        assertThat(Files.size(pictures)).isPositive();
    }

    private static void assertNotFound(String path, String what) {
        assertThatThrownBy(() -> GATE.as("gate").download(path, "image/jpeg"))
                .isInstanceOfSatisfying(GateApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.error().message()).contains(what);
                });
        RawResponse raw = GATE.as("gate").send("GET", path, null);
        assertThat(raw.status()).isEqualTo(404);
        assertThat(raw.body()).doesNotContain("at vn.bordergate.", "java.");
    }

    private static BufferedImage jpeg(byte[] bytes) throws IOException {
        assertThat(bytes).startsWith((byte) 0xFF, (byte) 0xD8); // JPEG start-of-image
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodes as an image").isNotNull();
        return image;
    }
}
