package vn.bordergate.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.bordergate.server.GateServerMain;
import vn.bordergate.server.ServerOptions;

class GateConfigTest {
    /** The file the server package installs as /etc/bordergate/gate.conf. */
    private static final Path SHIPPED = Path.of("../packaging/src/linux/gate.conf");

    @Test
    void theShippedConfigurationReadsAsDocumented() {
        GateConfig config = GateConfig.read(SHIPPED);
        assertThat(config.host()).contains("0.0.0.0");
        assertThat(config.port()).contains(8080);
        assertThat(config.dataDir()).contains(Path.of("/var/lib/bordergate"));
        assertThat(config.camerasEnabled()).contains(true);
        Operations ops = config.operations();
        assertThat(ops.tlsKeystore()).isNull();
        assertThat(ops.backupDir()).isEqualTo(Path.of("/var/lib/bordergate/backups"));
        assertThat(ops.backupTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(ops.backupKeep()).isEqualTo(14);
        assertThat(ops.logDir()).isNull();
        assertThat(ops.metricsAccess()).isEqualTo(Operations.MetricsAccess.LOOPBACK);
        assertThat(ops.cameraSources()).isEmpty();
    }

    @Test
    void theCommandLineWinsOverTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gate.conf");
        Files.writeString(
                file,
                "server.port = 9000\ndata.dir = " + dir.resolve("data") + "\nserver.host = 10.0.0.5\n"
                        + "camera.HN-IN-1.source = rtsp://10.20.0.21/stream1\nbackup.keep = 3\n");
        GateServerMain main = new GateServerMain();
        new CommandLine(main).parseArgs("--config", file.toString(), "--port", "9100");
        ServerOptions options = main.options();
        assertThat(options.port()).isEqualTo(9100);
        assertThat(options.host()).isEqualTo("10.0.0.5");
        assertThat(options.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(options.operations().backupKeep()).isEqualTo(3);
        assertThat(options.operations().cameraSources()).containsEntry("HN-IN-1", "rtsp://10.20.0.21/stream1");
    }

    @Test
    void aTypoOrABadValueStopsTheStartNamingTheKey(@TempDir Path dir) throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.conf"), "server.prot = 8080\n");
        assertThatThrownBy(() -> GateConfig.read(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key(s) [server.prot]");
        Path bad = Files.writeString(dir.resolve("bad.conf"), "backup.time = half past two\n");
        assertThatThrownBy(() -> GateConfig.read(bad))
                .hasMessageContaining("backup.time = half past two is not a time of day");
        Path tls = Files.writeString(dir.resolve("tls.conf"), "tls.keystore = /etc/bordergate/gate.p12\n");
        assertThatThrownBy(() -> GateConfig.read(tls)).hasMessageContaining("tls.keystore.password is missing");
        assertThatThrownBy(() -> GateConfig.read(dir.resolve("absent.conf"))).hasMessageContaining("does not exist");
    }
}
