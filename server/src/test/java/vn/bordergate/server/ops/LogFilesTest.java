package vn.bordergate.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogFilesTest {
    @AfterEach
    void detach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ch.qos.logback.classic.spi.ILoggingEvent> files = root.getAppender("FILES");
        if (files != null) {
            root.detachAppender(files);
            files.stop();
        }
    }

    @Test
    void withoutJournaldTheLogAlsoGoesToARollingFile(@TempDir Path dir) {
        assertThat(LogFiles.attach(dir, false)).isTrue();
        LoggerFactory.getLogger("vn.bordergate.test").info("gate log line {}", 42);
        assertThat(dir.resolve("bordergate-server.log")).content().contains("gate log line 42");
    }

    @Test
    void underJournaldOrWithoutALogDirNothingIsWritten(@TempDir Path dir) {
        assertThat(LogFiles.attach(dir, true)).isFalse();
        assertThat(LogFiles.attach(null, false)).isFalse();
        assertThat(dir.resolve("bordergate-server.log")).doesNotExist();
    }
}
