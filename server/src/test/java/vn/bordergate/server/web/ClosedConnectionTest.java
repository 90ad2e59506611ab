package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.bordergate.server.support.TestGate;

/**
 * A client that closes its connection in the middle of a request body (it gave up, or the server is stopping and
 * closed it) is not a failure of the server: nothing is logged as an unexpected failure with a stack trace.
 */
class ClosedConnectionTest {
    private final TestGate gate = TestGate.shared();

    @Test
    void aBodyCutOffByTheClosedConnectionIsNotAnUnexpectedFailure() throws Exception {
        Logger mapper = (Logger) LoggerFactory.getLogger(ApiExceptionMapper.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        mapper.addAppender(logged);
        try (Socket socket = new Socket(gate.uri().getHost(), gate.uri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/declarations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + gate.as("enterprise").token() + "\r\n"
                            + "Content-Length: 5000\r\n\r\n{\"enterpriseId\": 1, \"direction\": \"EXP")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the request reaches the resource, which waits for the rest of the body (200 ms was close on a starved
            // host)
            Thread.sleep(2000);
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (logged.list.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(logged.list).as("what the mapper logged").isNotEmpty();
            assertThat(logged.list)
                    .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.INFO))
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        } finally {
            mapper.detachAppender(logged);
        }
    }
}
