package vn.bordergate.server.anpr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Tesseract language model held in memory (Tesseract is initialised from these bytes, so no tessdata
 * folder is needed at run time).
 *
 * @param language the language name the model is known by ({@code eng})
 * @param data the {@code .traineddata} file's bytes
 */
public record TesseractModel(String language, byte[] data) {
    /** Classpath location of the bundled English model (tessdata_fast, Apache-2.0, taken from Tess4J's jar). */
    static final String BUNDLED_ENGLISH = "tessdata/eng.traineddata";

    /** Classpath location of the plate model (committed; rebuilt by {@code server/tools/train_plate_model.sh}). */
    static final String BUNDLED_PLATE = "tessdata/plate.traineddata";

    private static final class BundledEnglish {
        static final TesseractModel MODEL = load("eng", BUNDLED_ENGLISH, "the build unpacks it from Tess4J's jar");
    }

    private static final class BundledPlate {
        static final TesseractModel MODEL =
                load("plate", BUNDLED_PLATE, "it is committed; server/tools/train_plate_model.sh rebuilds it");
    }

    private static TesseractModel load(String language, String resource, String where) {
        try (InputStream in = TesseractModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath (" + where + ")");
            }
            return new TesseractModel(language, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TesseractModel {
        if (language == null || language.isBlank() || data == null || data.length == 0) {
            throw new IllegalArgumentException("a model needs a language name and data");
        }
    }

    /** The English LSTM model shipped on the classpath; loaded once. */
    public static TesseractModel bundledEnglish() {
        return BundledEnglish.MODEL;
    }

    /**
     * The plate model shipped on the classpath (an LSTM trained from scratch on plate lines, 36 characters: plate
     * letters and digits); loaded once.
     */
    public static TesseractModel bundledPlate() {
        return BundledPlate.MODEL;
    }

    /** A bundled model by name: {@code eng} or {@code plate}. */
    public static TesseractModel bundled(String name) {
        return switch (name) {
            case "eng" -> bundledEnglish();
            case "plate" -> bundledPlate();
            default -> throw new IllegalArgumentException("no bundled Tesseract model " + name + " (eng, plate)");
        };
    }

    /** A model from a {@code .traineddata} file; the language is the file name without extension. */
    public static TesseractModel fromFile(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.traineddata$", "");
        return new TesseractModel(name, Files.readAllBytes(file));
    }
}
