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

    private static final class Bundled {
        static final TesseractModel ENGLISH = load();

        private static TesseractModel load() {
            try (InputStream in = TesseractModel.class.getResourceAsStream(BUNDLED_ENGLISH)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED_ENGLISH + " is missing from the classpath (the build"
                            + " unpacks it from Tess4J's jar; run mvn package)");
                }
                return new TesseractModel("eng", in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public TesseractModel {
        if (language == null || language.isBlank() || data == null || data.length == 0) {
            throw new IllegalArgumentException("a model needs a language name and data");
        }
    }

    /** The English LSTM model shipped on the classpath; loaded once. */
    public static TesseractModel bundledEnglish() {
        return Bundled.ENGLISH;
    }

    /** A model from a {@code .traineddata} file; the language is the file name without extension. */
    public static TesseractModel fromFile(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.traineddata$", "");
        return new TesseractModel(name, Files.readAllBytes(file));
    }
}
