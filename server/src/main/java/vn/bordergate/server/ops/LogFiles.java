package vn.bordergate.server.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Rolling log files for hosts without journald ({@code log.dir}): one file per day, gzipped, split at
 * 50 MB, kept 30 days and at most 1 GB. Under systemd ({@code JOURNAL_STREAM} set) the journal already
 * keeps and rotates the console output, so no file is written there.
 */
public final class LogFiles {
    private LogFiles() {}

    /** @return whether files are now written */
    public static boolean attach(Path dir, boolean underJournald) {
        if (dir == null || underJournald || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return false;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ch.qos.logback.classic.spi.ILoggingEvent> files = new RollingFileAppender<>();
        files.setContext(context);
        files.setName("FILES");
        files.setFile(dir.resolve("bordergate-server.log").toString());
        SizeAndTimeBasedRollingPolicy<ch.qos.logback.classic.spi.ILoggingEvent> policy =
                new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(files);
        policy.setFileNamePattern(
                dir.resolve("bordergate-server.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("50MB"));
        policy.setMaxHistory(30);
        policy.setTotalSizeCap(FileSize.valueOf("1GB"));
        policy.start();
        files.setRollingPolicy(policy);
        files.setEncoder(encoder);
        files.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(files);
        return true;
    }
}
