package vn.bordergate.workstation.support;

import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import vn.bordergate.workstation.printing.DocumentPreviewView;

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
                + " focus " + (focus == null ? "-" : focus.getId()) + preview(window);
    }

    private static String preview(Window window) {
        if (window.getScene() == null
                || !(window.getScene().getRoot().getProperties().get(DocumentPreviewView.class)
                        instanceof DocumentPreviewView view)) {
            return "";
        }
        var model = view.model();
        Node scroll = window.getScene().getRoot().lookup("#preview-pages");
        return " (preview: " + model.pageCount().get() + " pages drawn, busy "
                + model.busy().get() + ", message '"
                + model.message().get() + "', error '" + model.error().get() + "', "
                + window.getScene().getRoot().lookupAll(".preview-sheet").size() + " sheets reachable, pages pane skin "
                + (scroll instanceof javafx.scene.control.Control c && c.getSkin() != null ? "on" : "off") + ", "
                + sheets(view) + ")";
    }

    /** The view's own pile of sheets, and the way from it up to the window's root. */
    private static String sheets(DocumentPreviewView view) {
        try {
            var field = DocumentPreviewView.class.getDeclaredField("sheets");
            field.setAccessible(true);
            javafx.scene.Parent sheets = (javafx.scene.Parent) field.get(view);
            StringBuilder path = new StringBuilder();
            for (javafx.scene.Parent p = sheets; p != null; p = p.getParent()) {
                path.append(p.getClass().getSimpleName())
                        .append(p.getId() == null ? "" : "#" + p.getId())
                        .append('<');
            }
            return sheets.getChildrenUnmodifiable().size() + " sheets in the pile, scene "
                    + (sheets.getScene() == null ? "none" : "set") + ", up: " + path;
        } catch (ReflectiveOperationException e) {
            return "sheets unknown: " + e;
        }
    }
}
