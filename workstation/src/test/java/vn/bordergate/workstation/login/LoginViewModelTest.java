package vn.bordergate.workstation.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** Signing in against a real gate server, without the FX toolkit. */
class LoginViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    private final Wording words = Wording.of(Wording.VIETNAMESE);

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    private LoginViewModel loginTo(GateStartup gate) {
        LoginViewModel model = ui.call(() -> new LoginViewModel(gate, work, words));
        ui.await(WAIT, () -> model.gateReady().get() || model.gateText().get().startsWith("Không"));
        return model;
    }

    private void attempt(LoginViewModel model, String username, String password) throws Exception {
        ui.call(() -> {
                    model.username().set(username);
                    model.password().set(password);
                    return model.login();
                })
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void anOfficerSignsInAndTheSessionKnowsAgencyAndStation() throws Exception {
        LoginViewModel model = loginTo(GateStartup.remote(DemoGate.shared().uri()));

        attempt(model, "medical", DemoGate.PASSWORD);

        GateSession session = ui.call(() -> model.session().get());
        assertThat(session).isNotNull();
        assertThat(session.agency()).contains(Agency.MEDICAL_QUARANTINE);
        assertThat(session.station())
                .hasValueSatisfying(s -> assertThat(s.code()).isEqualTo("HN-MED-1"));
        assertThat(ui.call(() -> model.error().get())).isEmpty();
        assertThat(ui.call(() -> model.password().get())).as("password cleared").isEmpty();
    }

    @Test
    void aWrongPasswordIsSaidPlainly() throws Exception {
        LoginViewModel model = loginTo(GateStartup.remote(DemoGate.shared().uri()));

        attempt(model, "fees", "not-the-password");

        assertThat(ui.call(() -> model.error().get())).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");
        assertThat(ui.call(() -> model.session().get())).isNull();
        assertThat(ui.call(() -> model.canLogin().get())).isTrue();
    }

    @Test
    void anUnreachableServerIsSaidPlainly() throws Exception {
        LoginViewModel model = loginTo(GateStartup.remote(URI.create("http://127.0.0.1:9")));

        attempt(model, "medical", DemoGate.PASSWORD);

        assertThat(ui.call(() -> model.error().get()))
                .isEqualTo("Không kết nối được máy chủ cửa khẩu. Kiểm tra mạng hoặc báo bộ phận kỹ thuật.")
                .doesNotContain("Exception");
    }

    @Test
    void emptyFieldsAreAskedForWithoutCallingTheServer() throws Exception {
        LoginViewModel model = loginTo(GateStartup.remote(URI.create("http://127.0.0.1:9")));

        attempt(model, "medical", "");

        assertThat(ui.call(() -> model.error().get())).isEqualTo("Nhập tên đăng nhập và mật khẩu.");
    }

    @Test
    void aCameraAccountCannotUseTheWorkstation() throws Exception {
        LoginViewModel model = loginTo(GateStartup.remote(DemoGate.shared().uri()));

        attempt(model, "camera", DemoGate.PASSWORD);

        assertThat(ui.call(() -> model.error().get())).contains("Camera").contains("không dùng được");
        assertThat(ui.call(() -> model.session().get())).isNull();
    }

    @Test
    void anEmbeddedServerThatCannotStartSaysWhy(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where the data folder should be");
        GateStartup gate = GateStartup.embedded(notAFolder.resolve("demo"), work);

        LoginViewModel model = loginTo(gate);

        assertThat(ui.call(() -> model.gateText().get()))
                .startsWith("Không khởi động được máy chủ cửa khẩu trên máy này");
        assertThat(ui.call(() -> model.canLogin().get())).isFalse();
        gate.close();
    }
}
