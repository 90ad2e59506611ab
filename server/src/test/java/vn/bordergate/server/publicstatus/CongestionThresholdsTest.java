package vn.bordergate.server.publicstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CongestionLevel;
import vn.bordergate.common.dto.CongestionThresholds;

/** The National Single Window levels: green < 500, yellow 500–1,000, orange to 5,000, red > 5,000. */
class CongestionThresholdsTest {
    private final CongestionThresholds nsw = CongestionThresholds.NATIONAL_SINGLE_WINDOW;

    @Test
    void levelsAtTheirEdges() {
        assertThat(nsw.levelOf(0)).isEqualTo(CongestionLevel.GREEN);
        assertThat(nsw.levelOf(499)).isEqualTo(CongestionLevel.GREEN);
        assertThat(nsw.levelOf(500)).isEqualTo(CongestionLevel.YELLOW);
        assertThat(nsw.levelOf(1000)).isEqualTo(CongestionLevel.YELLOW);
        assertThat(nsw.levelOf(1001)).isEqualTo(CongestionLevel.ORANGE);
        assertThat(nsw.levelOf(5000)).isEqualTo(CongestionLevel.ORANGE);
        assertThat(nsw.levelOf(5001)).isEqualTo(CongestionLevel.RED);
    }

    @Test
    void thresholdsMustRise() {
        assertThatThrownBy(() -> new CongestionThresholds(0, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CongestionThresholds(10, 5, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CongestionThresholds(10, 20, 15)).isInstanceOf(IllegalArgumentException.class);
    }
}
