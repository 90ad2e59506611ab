package vn.bordergate.server.anpr;

import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real Tesseract engines with the bundled English model and a {@link CropReader} on them, opened once per test
 * class and closed after it: register with {@code @RegisterExtension static final EnglishTesseract TESSERACT = …}.
 */
final class EnglishTesseract implements BeforeAllCallback, AfterAllCallback {
    private final Function<TesseractEngines, CropReader> readers;
    private TesseractEngines engines;
    private CropReader reader;

    private EnglishTesseract(Function<TesseractEngines, CropReader> readers) {
        this.readers = readers;
    }

    /** A reader without the Chinese glyph classifiers. */
    static EnglishTesseract plain() {
        return new EnglishTesseract(CropReader::new);
    }

    /** A reader with the bundled province and serial classifiers, as {@link PlateReader} builds it. */
    static EnglishTesseract withClassifiers() {
        return new EnglishTesseract(
                engines -> new CropReader(engines, ProvinceClassifier.bundled(), SerialClassifier.bundled()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        engines = new TesseractEngines(TesseractModel.bundledEnglish());
        reader = readers.apply(engines);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engines.close();
    }

    TesseractEngines engines() {
        return engines;
    }

    CropReader reader() {
        return reader;
    }
}
