package vn.bordergate.workstation.support;

import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What windows are open and which has the keyboard, for a test's failure message. */
public final class OpenWindows {
    private OpenWindows() {}

    public static String describe() {
        return FxRunner.call(() -> Window.getWindows().stream()
                .map(OpenWindows::line)
                .collect(Collectors.joining("; ", "windows: [", "]")));
    }

    private static String line(Window window) {
        String title = window instanceof Stage stage
                ? "'" + stage.getTitle() + "'"
                : window.getClass().getSimpleName();
        Node focus = window.getScene() == null ? null : window.getScene().getFocusOwner();
        return title + (window.isShowing() ? " showing" : " hidden") + (window.isFocused() ? " focused" : "")
                + " at " + (int) window.getX() + "," + (int) window.getY() + " " + (int) window.getWidth() + "x"
                + (int) window.getHeight() + " root "
                + (window.getScene() == null ? "-" : window.getScene().getRoot().getId())
                + " focus " + (focus == null ? "-" : focus.getId());
    }
}
