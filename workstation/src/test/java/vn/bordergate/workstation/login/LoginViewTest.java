package vn.bordergate.workstation.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.OnScreen;
import vn.bordergate.workstation.support.ScreenText;
import vn.bordergate.workstation.support.WorkstationStage;
import vn.bordergate.workstation.text.Wording;

/** The login screen, driven by keyboard and mouse (headless under Monocle). */
@ExtendWith(ApplicationExtension.class)
class LoginViewTest {
    private static DemoGate gate;
    private WorkstationStage workstation;

    @BeforeAll
    static void gate() {
        gate = DemoGate.shared();
    }

    @Start
    void start(Stage stage) {
        workstation = new WorkstationStage(stage, gate, Wording.VIETNAMESE);
    }

    @AfterEach
    void stop() {
        workstation.close();
    }

    @Test
    void anOfficerSignsInAndSeesAgencyRoleAndStation(FxRobot robot) throws TimeoutException {
        OnScreen.await(robot, "#login-username", 15);
        robot.clickOn("#login-username").write("medical");
        robot.clickOn("#login-password").write(DemoGate.PASSWORD);
        robot.clickOn("#login-submit");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#header-agency")
                .tryQuery()
                .isPresent());
        assertThat(ScreenText.of(robot, "#header-agency")).isEqualTo("Kiểm dịch y tế");
        assertThat(ScreenText.of(robot, "#header-officer")).isEqualTo("Lê Thị Mai (Kiểm dịch y tế)");
        assertThat(ScreenText.of(robot, "#header-station"))
                .contains("Cán bộ")
                .contains("Trạm Kiểm dịch y tế Hữu Nghị 1")
                .contains("HN-MED-1");
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> "Trực tuyến".equals(ScreenText.of(robot, "#connection-status")));
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndTheOfficerStaysOnTheLoginScreen(FxRobot robot) throws TimeoutException {
        OnScreen.await(robot, "#login-username", 15);
        robot.clickOn("#login-username").write("borderguard");
        robot.clickOn("#login-password").write("guess");
        robot.clickOn("#login-submit");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#login-error")
                .queryLabeled()
                .isVisible());
        assertThat(ScreenText.of(robot, "#login-error")).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");
        assertThat(robot.lookup("#header-agency").tryQuery()).isEmpty();
    }

    @Test
    void theLanguageCanBeSwitchedBeforeSigningIn(FxRobot robot) throws TimeoutException {
        OnScreen.await(robot, "#language-en", 15);
        robot.clickOn("#language-en");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Sign in".equals(ScreenText.of(robot, "#login-submit")));

        // the switch put a new login screen in place
        OnScreen.await(robot, "#language-zh", 15);
        robot.clickOn("#language-zh");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "登录".equals(ScreenText.of(robot, "#login-submit")));
    }
}
