package vn.bordergate.workstation.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits until a node is ready to be clicked: found, in the scene of a showing window, laid out. Looked up on the FX
 * thread, because a lookup from the test thread can meet a screen the FX thread is putting in place ({@code
 * Scene.setRoot}, a new centre): the new nodes are reachable from the scene's root before the FX thread has told
 * each of them which scene it is in, and TestFX's click then fails on that node's null scene ("scene is null").
 */
public final class OnScreen {
    private OnScreen() {}

    public static void await(FxRobot robot, String query, long seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                seconds,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> robot.lookup(query)
                        .tryQuery()
                        .filter(OnScreen::clickable)
                        .isPresent()));
    }

    private static boolean clickable(Node node) {
        Scene scene = node.getScene();
        return scene != null
                && scene.getWindow() != null
                && scene.getWindow().isShowing()
                && node.isVisible()
                && !node.getLayoutBounds().isEmpty();
    }
}
