package vn.bordergate.workstation.look;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.StepState;

/**
 * The workstation's look: one stylesheet, and a font that can draw Chinese. Chinese plates (桂A·12345)
 * appear whatever the language, and JavaFX's default font shows them as empty boxes, so a CJK face is
 * used everywhere when the computer has one (Noto Sans CJK also covers every Vietnamese letter).
 */
public final class Theme {
    /** Faces that draw Chinese, Vietnamese and Latin alike, best first: Linux, then Windows, then macOS. */
    static final List<String> CJK_FAMILIES =
            List.of("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC");

    /** On the classpath from the server module, which prints with the same face. */
    static final List<String> BUNDLED_FACES = List.of(
            "/fonts/document/NotoSansCJKsc-Regular-Document.otf", "/fonts/document/NotoSansCJKsc-Bold-Document.otf");

    private static final Logger LOG = LoggerFactory.getLogger(Theme.class);
    private static final String STYLESHEET =
            Theme.class.getResource("workstation.css").toExternalForm();
    private static volatile Optional<String> family;

    private Theme() {}

    public static void apply(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        cjkFamily().ifPresent(f -> scene.getRoot().setStyle("-fx-font-family: '" + f + "';"));
    }

    /**
     * The CJK face in use: an installed one that covers all of Chinese, else the Noto Sans CJK SC subset
     * shipped for printed documents (Vietnamese, every plate character and the documents' Chinese labels,
     * so plates never show as boxes even on a computer without a CJK font); empty only if neither loads.
     */
    public static Optional<String> cjkFamily() {
        Optional<String> chosen = family;
        if (chosen == null) {
            List<String> installed = Font.getFamilies();
            chosen = CJK_FAMILIES.stream()
                    .filter(installed::contains)
                    .findFirst()
                    .or(Theme::bundledFamily);
            family = chosen;
        }
        return chosen;
    }

    /** Loads the shipped document font (regular and bold) and answers its family name. */
    static Optional<String> bundledFamily() {
        Optional<String> loaded = Optional.empty();
        for (String face : BUNDLED_FACES) {
            try (InputStream in = Theme.class.getResourceAsStream(face)) {
                Font font = in == null ? null : Font.loadFont(in, 14);
                if (font != null && loaded.isEmpty()) {
                    loaded = Optional.of(font.getFamily());
                }
            } catch (IOException e) {
                LOG.warn("the shipped CJK font {} could not be read: {}", face, e.getMessage());
            }
        }
        return loaded;
    }

    public static String agencyClass(Agency agency) {
        return agency == null
                ? "agency-none"
                : "agency-" + agency.name().toLowerCase().replace('_', '-');
    }

    public static String stateClass(StepState state) {
        return "state-" + state.name().toLowerCase();
    }

    public static String statusClass(CrossingStatus status) {
        return "status-" + status.name().toLowerCase().replace('_', '-');
    }
}
