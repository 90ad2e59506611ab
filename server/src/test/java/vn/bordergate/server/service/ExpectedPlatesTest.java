package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.TestGate;

/**
 * Pruning the table (loaded from a real database) also empties the index: it keeps no node for a plate
 * it no longer holds, so its memory and search cost follow the table, not every plate seen since start.
 */
class ExpectedPlatesTest {
    private final Transactions tx = TestGate.shared().server().services().tx;

    @Test
    void prunedPlatesLeaveNoNodesInTheIndex() {
        ExpectedPlates expected = new ExpectedPlates();
        Instant now = Instant.now();
        tx.read(session -> expected.between(session, now, now.plus(Duration.ofHours(1)))); // loads the table
        int loaded = expected.index().nodes();
        for (int n = 0; n < 300; n++) { // declared long ago, with plates no other crossing has
            expected.declared(-1 - n, String.format("88Z%05d", n), null, now.minus(Duration.ofDays(7)));
        }
        assertThat(expected.index().nodes()).isGreaterThan(loaded + 300);

        Instant later = now.plus(Duration.ofDays(2)); // reads two days on: the table drops the week-old plates
        List<ExpectedPlates.Entry> kept =
                tx.read(session -> List.copyOf(expected.between(session, later, later.plus(Duration.ofHours(1)))));
        List<ExpectedPlates.Entry> all = tx.read(session -> List.copyOf(
                expected.between(session, later.minus(Duration.ofDays(8)), later.plus(Duration.ofDays(3650)))));

        assertThat(all).noneMatch(e -> e.plate().startsWith("88Z")).containsAll(kept);
        PlateIndex rebuilt = new PlateIndex();
        all.forEach(rebuilt::add);
        assertThat(expected.index().nodes()).isEqualTo(rebuilt.nodes());
    }
}
