package vn.bordergate.server.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Marker;

/**
 * Keeps Hibernate's own report of a lock wait out of the log. For every SQL failure Hibernate's
 * {@code SqlExceptionHelper} logs a WARN "SQL Error: code, SQLState: state" and then, on the same thread, an
 * ERROR with the driver's message. A lock wait that timed out or a deadlock's victim is no error of ours:
 * {@code ConcurrentChanges} answers it 503 and logs it once as a warning with its SQL state. So for those
 * states both lines are dropped; any other SQL failure (a constraint, a syntax error) still logs its ERROR.
 *
 * <p>The ERROR line carries only the driver's message, which Derby words in the JVM's language: the SQL state
 * comes from the WARN line just before it, remembered per thread. Registered in {@code logback.xml}.
 */
public final class LockWaitLogFilter extends TurboFilter {
    static final String SQL_EXCEPTION_HELPER = "org.hibernate.engine.jdbc.spi.SqlExceptionHelper";

    private static final Pattern SQL_ERROR = Pattern.compile("SQL Error: -?\\d+, SQLState: (\\S+)");
    private final ThreadLocal<Boolean> afterLockWait = ThreadLocal.withInitial(() -> false);

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || !SQL_EXCEPTION_HELPER.equals(logger.getName())) {
            return FilterReply.NEUTRAL; // format is null when only asked whether a level is on
        }
        if (level == Level.WARN) {
            Matcher sqlError = SQL_ERROR.matcher(format);
            if (sqlError.matches()) {
                boolean lockWait = LockWaitStates.isLockWait(sqlError.group(1));
                afterLockWait.set(lockWait);
                return lockWait ? FilterReply.DENY : FilterReply.NEUTRAL;
            }
            return FilterReply.NEUTRAL;
        }
        if (level == Level.ERROR && afterLockWait.get()) {
            afterLockWait.set(false);
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
