package vn.bordergate.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.event.StepConfirmedEvent;
import vn.bordergate.common.json.GateJson;

/** The load listeners' cheap scan must find what a JSON parser finds in what the server writes. */
class EnvelopeScanTest {
    private final ObjectMapper json = GateJson.newMapper();

    @Test
    void findsSeqAndSentAtOfEveryEnvelopeTheServerWrites() throws Exception {
        List<Instant> instants = List.of(
                Instant.parse("2026-11-23T02:18:49Z"),
                Instant.parse("2026-11-23T02:18:49.100Z"),
                Instant.parse("2024-02-29T23:59:59.123456Z"),
                Instant.parse("2026-01-01T00:00:00.987654321Z"),
                Instant.parse("1999-12-31T12:00:00.000001Z"));
        StringBuilder array = new StringBuilder("[");
        List<long[]> expected = new ArrayList<>();
        long seq = 41;
        for (Instant at : instants) {
            // an event whose text holds the markers too: only envelopes may count
            EventEnvelope envelope =
                    new EventEnvelope(seq, at, new StepConfirmedEvent(7, "{\"seq\":1,\"sentAt\":\"x\"}", null));
            String one = json.writeValueAsString(envelope);
            assertThat(found(one)).containsExactly(new long[] {seq, micros(at)});
            array.append(array.length() > 1 ? "," : "").append(one);
            expected.add(new long[] {seq, micros(at)});
            seq += 1_000_003;
        }
        assertThat(found(array.append(']'))).containsExactlyElementsOf(expected);
    }

    @Test
    void objectsInsideAnEventWhoseFirstKeyIsSeqAreNoEnvelopes() throws Exception {
        Instant at = Instant.parse("2026-11-23T03:30:00.250Z");
        String head = "{\"seq\":5,\"sentAt\":\"" + at + "\",\"event\":";
        String withSentAt = head + "{\"type\":\"X\",\"detail\":{\"seq\":9,\"sentAt\":\"2020-01-01T00:00:00Z\"}}}";
        String withoutSentAt =
                head + "{\"rows\":[{\"seq\":9},{\"seq\":10,\"note\":\"a \\\"quote\\\" {\\\"seq\\\":1\"}]}}";
        String first = head + "{\"seq\":11,\"sentAt\":\"2020-01-01T00:00:00Z\"}}";
        for (String message : List.of(withSentAt, withoutSentAt, first)) {
            json.readTree(message); // valid JSON, as the server would write it
            assertThat(found(message)).as(message).containsExactly(new long[] {5, micros(at)});
        }
        String array = "[" + withSentAt + "," + withoutSentAt.replace("\"seq\":5,", "\"seq\":6,") + "]";
        json.readTree(array);
        assertThat(found(array)).containsExactly(new long[] {5, micros(at)}, new long[] {6, micros(at)});
    }

    @Test
    void refusesTextThatIsNoEnvelope() {
        assertThatThrownBy(() -> found("{\"kind\":\"ping\"}")).hasMessageContaining("no envelope");
        assertThatThrownBy(() -> found("{\"seq\":12,\"event\":{}}")).hasMessageContaining("without seq and sentAt");
        assertThatThrownBy(() -> found("{\"seq\":12,\"sentAt\":\"yesterday\"}")).hasMessageContaining("not an instant");
    }

    private static List<long[]> found(CharSequence message) {
        List<long[]> seen = new ArrayList<>();
        int count = EnvelopeScan.scan(message, (seq, micros) -> seen.add(new long[] {seq, micros}));
        assertThat(count).isEqualTo(seen.size());
        return seen;
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }
}
