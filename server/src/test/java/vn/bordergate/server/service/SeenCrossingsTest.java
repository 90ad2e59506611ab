package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.CrossingStatus;

/**
 * When {@link SeenCrossings} keeps a crossing row it fetched: never across a write of it told while it was being fetched,
 * never while its crossing has a flush whose end was not told (a failed commit tells none), and no longer once told
 * again. A row kept stale would let a plate read match a cancelled or departed crossing.
 */
class SeenCrossingsTest {
    private final SeenCrossings view = new SeenCrossings(List.of(CrossingStatus.DECLARED), null, null);

    private static SeenCrossings.Row row(long id) {
        return new SeenCrossings.Row(
                id, CrossingStatus.DECLARED, "29C12345", null, Instant.parse("2026-11-24T08:00:00Z"));
    }

    @Test
    void aRowCarriesItsPlatesNormalisedAsTheParserDoes() {
        SeenCrossings.Row row = new SeenCrossings.Row(
                9, CrossingStatus.DECLARED, "29c-123.45", null, Instant.parse("2026-11-24T08:00:00Z"));

        assertThat(row.tractorNormalized()).isEqualTo(PlateParser.normalize("29c-123.45"));
        assertThat(row.tractorNormalized()).isEqualTo("29C12345");
        assertThat(row.trailerNormalized()).isNull();
    }

    @Test
    void aRowFetchedWithNoWriteToldIsKeptUntilItsCrossingIsWritten() {
        view.keep(List.of(row(1)), view.changes());
        assertThat(view.holds(1)).isTrue();

        view.flushed(1);
        assertThat(view.holds(1)).isFalse();
    }

    @Test
    void aRowFetchedWhileItsCrossingWasToldIsNotKeptButTheOthersOfTheFetchAre() {
        long seen = view.changes();
        view.flushed(2); // its write, flushed and committed while the rows were being fetched
        view.ended(2);
        view.flushed(7); // another crossing's write
        view.ended(7);
        view.keep(List.of(row(2), row(8)), seen);

        assertThat(view.holds(2))
                .as("told during the fetch: maybe read before the write")
                .isFalse();
        assertThat(view.holds(8)).as("not told: as fetched").isTrue();
    }

    @Test
    void aFetchThatSpansMoreTellingsThanRememberedKeepsNothing() {
        long seen = view.changes();
        for (int i = 0; i < SeenCrossings.RECENT; i++) {
            view.flushed(100 + i);
            view.ended(100 + i);
        }
        view.keep(List.of(row(2)), seen); // the telling of crossing 2, if any, is forgotten: it cannot be kept

        assertThat(view.holds(2)).isFalse();

        view.keep(List.of(row(2)), view.changes() - SeenCrossings.RECENT); // exactly as many as remembered
        assertThat(view.holds(2)).isTrue();
    }

    @Test
    void aTellingInASlotTheRingHasWrappedIntoStillCounts() {
        for (int i = 0; i < (SeenCrossings.RECENT - 4) / 2; i++) {
            view.flushed(100 + i); // two tellings each
            view.ended(100 + i);
        }
        long seen = view.changes(); // four slots before the ring's end
        assertThat(seen).isEqualTo(SeenCrossings.RECENT - 4);
        for (int i = 0; i < 6; i++) {
            view.flushed(5_000 + i); // past the end: tellings 1,024 and on go to slots 0, 1, …
        }
        view.flushed(9); // slot 2 of the wrapped ring
        view.ended(9);
        view.keep(List.of(row(9), row(11), row(100)), seen);

        assertThat(view.holds(9)).as("told in a wrapped slot during the fetch").isFalse();
        assertThat(view.holds(11)).as("never told").isTrue();
        assertThat(view.holds(100))
                .as("told before the fetch, its slot since written over")
                .isTrue();
    }

    @Test
    void aCrossingBeingWrittenIsNotKeptUntilItsWriteEnds() {
        view.flushed(3);
        view.keep(List.of(row(3)), view.changes());
        assertThat(view.holds(3)).as("flushed, not yet committed").isFalse();

        view.ended(3);
        view.keep(List.of(row(3)), view.changes());
        assertThat(view.holds(3)).as("committed, fetched after").isTrue();
    }

    @Test
    void aCrossingFlushedTwiceIsWrittenUntilBothEnd() {
        view.flushed(4);
        view.flushed(4);
        view.ended(4);
        view.keep(List.of(row(4)), view.changes());
        assertThat(view.holds(4)).isFalse();

        view.ended(4);
        view.keep(List.of(row(4)), view.changes());
        assertThat(view.holds(4)).isTrue();
    }

    @Test
    void aWriteWhoseEndIsNeverToldLeavesItsCrossingToTheDatabaseForGood() {
        view.flushed(5); // its commit failed: Hibernate tells no end, and the commit may still have taken effect
        for (int i = 0; i < 3; i++) {
            view.keep(List.of(row(5), row(6)), view.changes());
            assertThat(view.holds(5)).isFalse();
        }
        assertThat(view.holds(6)).as("other crossings are kept as before").isTrue();
    }
}
