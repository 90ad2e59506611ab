package vn.bordergate.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WrkTest {

    @Test
    void wrksOwnCpuIsReadFromTheLastLineOfTimes() {
        String out =
                """
                Running 15s test @ http://127.0.0.1:40000/
                  2 threads and 32 connections
                  110700 requests in 15.02s, 60.10MB read
                Requests/sec:   7372.10
                0m0.003s 0m0.001s
                1m2.500s 0m4.250s
                """;

        assertThat(Wrk.childCpuSeconds(out)).isCloseTo(66.75, within(1e-9));
    }

    @Test
    void noTimesLineIsZero() {
        assertThat(Wrk.childCpuSeconds("Requests/sec:   7372.10\n")).isZero();
    }
}
