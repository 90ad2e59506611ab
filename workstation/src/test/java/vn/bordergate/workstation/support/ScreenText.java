package vn.bordergate.workstation.support;

import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;

/** What a label on screen says, read on the FX thread (views redraw there as events arrive). */
public final class ScreenText {
    private ScreenText() {}

    /** The text of the label {@code query} finds, or "" when it is not on screen. */
    public static String of(FxRobot robot, String query) {
        return FxRunner.call(() -> robot.lookup(query)
                .tryQuery()
                .map(node -> ((Labeled) node).getText())
                .orElse(""));
    }
}
