package vn.bordergate.server.persistence;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends Derby's own log (derby.log) to SLF4J, so no stray derby.log lands in the working directory. */
public final class DerbyLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.apache.derby");

    private DerbyLog() {}

    static void routeToSlf4j() {
        System.setProperty("derby.stream.error.method", DerbyLog.class.getName() + ".stream");
    }

    /** Called by Derby through the {@code derby.stream.error.method} property. */
    public static Writer stream() {
        return new PrintWriter(new OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    if (!line.isEmpty()) {
                        LOG.debug("{}", line);
                    }
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        });
    }
}
