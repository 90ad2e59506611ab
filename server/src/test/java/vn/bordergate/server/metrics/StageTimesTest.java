package vn.bordergate.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageTimesTest {
    @Test
    void aTimeIsCountedInTheFirstBucketWhoseBoundHoldsIt() {
        StageTimes commit = StageTimes.timed("commit");
        commit.record(0); // a clock that did not move
        commit.record(64_000); // 64 µs: the first bound, inclusive
        commit.record(64_001); // 64.001 µs: still 64 µs by the microsecond
        commit.record(65_000);
        commit.record(4_096_000); // 4.096 ms
        commit.record(4_097_000);
        commit.record(3_600_000_000_000L); // an hour: the last bucket takes everything above it

        assertThat(commit.unit()).isEqualTo("us");
        assertThat(commit.upTo(0)).isEqualTo(64);
        assertThat(commit.countUpTo(0)).isEqualTo(3);
        assertThat(commit.upTo(1)).isEqualTo(128);
        assertThat(commit.countUpTo(1)).isEqualTo(4);
        assertThat(commit.upTo(6)).isEqualTo(4_096);
        assertThat(commit.countUpTo(6)).isEqualTo(5);
        assertThat(commit.countUpTo(7)).isEqualTo(6);
        assertThat(commit.countUpTo(StageTimes.BUCKETS - 2)).isEqualTo(6);
        assertThat(commit.count()).isEqualTo(7);
    }

    @Test
    void aSizeIsCountedByPowersOfTwoFromOne() {
        StageTimes size = StageTimes.counted("size");
        for (int items : new int[] {1, 2, 3, 4, 5, 64, 65}) {
            size.record(items);
        }
        assertThat(size.unit()).isEqualTo("items");
        assertThat(size.upTo(0)).isEqualTo(1);
        assertThat(size.countUpTo(0)).isEqualTo(1);
        assertThat(size.countUpTo(1)).isEqualTo(2);
        assertThat(size.upTo(2)).isEqualTo(4);
        assertThat(size.countUpTo(2)).isEqualTo(4);
        assertThat(size.upTo(6)).isEqualTo(64);
        assertThat(size.countUpTo(6)).isEqualTo(6);
        assertThat(size.count()).isEqualTo(7);
    }
}
