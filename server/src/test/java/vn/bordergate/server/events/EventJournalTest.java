package vn.bordergate.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How the journal joins encoded envelopes into frames and measures a subscriber's backlog. */
class EventJournalTest {
    private final EventJournal journal = new EventJournal();

    private void append(long seq, String json) {
        journal.append(seq, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(EventJournal.Frame frame) {
        return new String(frame.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void oneEnvelopeGoesAloneAndSeveralAsAnArrayInOrder() {
        append(1, "{\"seq\":1}");
        append(2, "{\"seq\":2,\"t\":\"Lạng Sơn\"}");
        append(3, "{\"seq\":3}");

        EventJournal.Frame single = journal.frame(3, 3);
        assertThat(text(single)).isEqualTo("{\"seq\":3}");
        EventJournal.Frame joined = journal.frame(1, 3);
        assertThat(text(joined)).isEqualTo("[{\"seq\":1},{\"seq\":2,\"t\":\"Lạng Sơn\"},{\"seq\":3}]");
        assertThat(joined.from()).isEqualTo(1);
        assertThat(joined.to()).isEqualTo(3);
        assertThat(journal.frame(1, 3)).as("the same range is joined once").isSameAs(joined);
    }

    @Test
    void aFrameStopsGrowingAtItsSizeLimitButHoldsAtLeastOneEnvelope() {
        String big = "{\"x\":\"" + "a".repeat(EventJournal.MAX_FRAME_BYTES / 3) + "\"}";
        for (int seq = 1; seq <= 5; seq++) {
            append(seq, big);
        }
        EventJournal.Frame first = journal.frame(1, 5);
        assertThat(first.to()).isEqualTo(2);
        assertThat(first.bytes().length).isLessThanOrEqualTo(EventJournal.MAX_FRAME_BYTES + 2);
        assertThat(journal.frame(3, 5).to()).isEqualTo(4);

        String huge = "{\"x\":\"" + "b".repeat(EventJournal.MAX_FRAME_BYTES) + "\"}";
        append(6, huge);
        append(7, "{}");
        assertThat(text(journal.frame(6, 7))).isEqualTo(huge);
    }

    @Test
    void theBacklogIsMeasuredInBytesAndOverwrittenEnvelopesAreNotServed() {
        append(1, "12345");
        append(2, "123");
        assertThat(journal.bytesBetween(0, 2)).isEqualTo(8);
        assertThat(journal.bytesBetween(1, 2)).isEqualTo(3);
        assertThat(journal.bytesBetween(2, 2)).isZero();

        for (int seq = 3; seq <= EventJournal.CAPACITY + 2; seq++) {
            append(seq, "1");
        }
        assertThat(journal.frame(1, 3)).as("envelope 1 is no longer kept").isNull();
        assertThat(journal.bytesBetween(1, journal.latest())).isEqualTo(Long.MAX_VALUE);
        assertThat(journal.frame(journal.latest(), journal.latest() + 5).to()).isEqualTo(journal.latest());
    }
}
