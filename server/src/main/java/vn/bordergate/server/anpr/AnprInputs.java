package vn.bordergate.server.anpr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** What the {@code anpr} command reads: image and video files, given directly or found in folders. */
final class AnprInputs {
    static final Set<String> IMAGES =
            Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp", "pgm", "ppm", "pbm", "pnm", "jp2", "gif");
    static final Set<String> VIDEOS = Set.of("mp4", "mkv", "avi", "mov", "webm", "ts", "m4v", "mjpeg", "mpg", "h264");

    /**
     * One input.
     *
     * @param name how the CSV names it: as given for a file, relative to the folder for a file found in one
     */
    record Item(Path path, String name, boolean video) {}

    private AnprInputs() {}

    /** A file as given, or a folder's image and video files in name order (never its labels). */
    static List<Item> expand(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(new Item(path, path.toString(), isVideo(path)));
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> isImage(f) || isVideo(f))
                    .sorted()
                    .map(f -> new Item(f, slashes(path.relativize(f).toString()), isVideo(f)))
                    .toList();
        }
    }

    static boolean isImage(Path file) {
        return IMAGES.contains(extension(file));
    }

    static boolean isVideo(Path file) {
        return VIDEOS.contains(extension(file));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String slashes(String relative) {
        return relative.replace('\\', '/');
    }
}
