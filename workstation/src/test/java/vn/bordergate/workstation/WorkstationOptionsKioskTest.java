package vn.bordergate.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kiosk's command-line options. */
class WorkstationOptionsKioskTest {
    @Test
    void withoutKioskTheWorkstationIsTheOfficers() {
        assertThat(WorkstationOptions.parse(List.of()).kiosk()).isNull();
    }

    @Test
    void kioskOptionsAreRead() {
        var options = WorkstationOptions.parse(List.of(
                "--kiosk", "--kiosk-account", "kiosk-yard2", "--camera", "0", "--idle", "90", "--tickets", "/tmp/t"));

        assertThat(options.kiosk().account()).isEqualTo("kiosk-yard2");
        assertThat(options.kiosk().camera()).isEqualTo("0");
        assertThat(options.kiosk().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.kiosk().ticketDir()).isEqualTo(Path.of("/tmp/t"));
        assertThat(WorkstationOptions.parse(List.of("--kiosk")).kiosk().idleTimeout())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aWrongIdleTimeoutIsSaidPlainly() {
        assertThatThrownBy(() -> WorkstationOptions.parse(List.of("--kiosk", "--idle", "soon")))
                .hasMessage("--idle: a number of seconds, not soon");
        assertThatThrownBy(() -> WorkstationOptions.parse(List.of("--kiosk", "--idle", "3")))
                .hasMessageContaining("at least 10 seconds");
    }
}
