package vn.bordergate.server.camera;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one lane camera's pictures come from, parsed from the configured source URL:
 * {@code rtsp://} or {@code rtsps://} (IP cameras), {@code http(s)://} (MJPEG or any stream FFmpeg reads),
 * {@code device:N} or {@code /dev/videoN} (a local capture device, through OpenCV), or anything else as a
 * video file ({@code file:} URI or path) that is played in real time and looped to simulate a camera.
 */
public record CameraSource(String cameraCode, String laneCode, Kind kind, String location) {
    private static final Pattern DEVICE = Pattern.compile("(?:device:|/dev/video)(\\d+)");
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");

    public enum Kind {
        RTSP,
        HTTP,
        FILE,
        DEVICE
    }

    public CameraSource {
        Objects.requireNonNull(cameraCode, "cameraCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        if (cameraCode.isBlank()) {
            throw new IllegalArgumentException("camera code is blank");
        }
    }

    /** Parses a configured source URL (as stored on the camera record). */
    public static CameraSource parse(String cameraCode, String laneCode, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("camera " + cameraCode + " has no source URL");
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtsp://") || lower.startsWith("rtsps://")) {
            return new CameraSource(cameraCode, laneCode, Kind.RTSP, trimmed);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return new CameraSource(cameraCode, laneCode, Kind.HTTP, trimmed);
        }
        Matcher device = DEVICE.matcher(lower);
        if (device.matches()) {
            return new CameraSource(cameraCode, laneCode, Kind.DEVICE, device.group(1));
        }
        if (lower.startsWith("file:")) {
            return new CameraSource(
                    cameraCode,
                    laneCode,
                    Kind.FILE,
                    Path.of(URI.create(trimmed)).toString());
        }
        return new CameraSource(cameraCode, laneCode, Kind.FILE, trimmed);
    }

    /** A file or a network stream; files are paced to their frame rate, live sources pace themselves. */
    public boolean isLive() {
        return kind != Kind.FILE;
    }

    /** The device index of a {@link Kind#DEVICE} source. */
    public int deviceIndex() {
        if (kind != Kind.DEVICE) {
            throw new IllegalStateException(cameraCode + " is not a capture device");
        }
        return Integer.parseInt(location);
    }

    /**
     * The location with any user name and password removed: IP camera URLs usually carry credentials,
     * and this is what goes into logs, status details and the API.
     */
    public String displayLocation() {
        return kind == Kind.DEVICE
                ? "device:" + location
                : USER_INFO.matcher(location).replaceFirst("$1***@");
    }

    @Override
    public String toString() {
        return cameraCode + " (" + kind + " " + displayLocation() + ")";
    }
}
