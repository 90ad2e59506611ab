package vn.bordergate.workstation.look;

import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.text.Font;
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

    /** The CJK face in use, empty when none is installed (Chinese characters may then show as boxes). */
    public static Optional<String> cjkFamily() {
        Optional<String> chosen = family;
        if (chosen == null) {
            List<String> installed = Font.getFamilies();
            chosen = CJK_FAMILIES.stream().filter(installed::contains).findFirst();
            family = chosen;
        }
        return chosen;
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
