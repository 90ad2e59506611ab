package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateGrammarSymbol.Choice;

/**
 * A two-row crop's rows voted through each read's per-character alternatives ({@link RowSupport}): reads unsure at a
 * place speak for the other reads' character there, reads of another row length do not.
 */
class RowSupportTest {
    @Test
    void oneSureReadOutvotesTwoReadsUnsureAtThatPlace() {
        // two reads say 97749, each with its 7 barely ahead of a 1; one sure read says 91749. By confidence alone the
        // two outvote it (1.2 against 0.9); through their alternatives they speak for 91749 nearly as much.
        List<CropRead> reads = List.of(
                read("59U1", "97749", 0.6, 1, '7', '1'),
                read("59U1", "97749", 0.6, 1, '7', '1'),
                read("59U1", "91749", 0.9, -1, ' ', ' '));
        List<CropRead> bare = reads.stream()
                .map(r -> new CropRead(r.match(), r.raw(), r.colour(), true))
                .toList();

        assertThat(RowSupport.applies(reads)).isTrue();
        assertThat(RowSupport.applies(bare)).isFalse();
        assertThat(CropVote.of(bare).match().rows()).containsExactly("59U1", "97749");
        assertThat(CropVote.of(reads).match().rows()).containsExactly("59U1", "91749");
    }

    @Test
    void aReadSpeaksOnlyForRowsOfItsOwnRowsLength() {
        // through a drop, a read of 59H1 would speak for 59H: the series digit was lost that way
        List<CropRead> reads = List.of(
                read("59H1", "54986", 0.7, -1, ' ', ' '),
                read("59H1", "54986", 0.6, -1, ' ', ' '),
                read("59H", "54986", 0.5, -1, ' ', ' '));

        Map<String, Double> tops = RowSupport.of(reads, Set.of("59H1", "59H"), 0);

        assertThat(tops.get("59H")).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(tops.get("59H1")).isEqualTo(1.3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(CropVote.of(reads).match().rows()).containsExactly("59H1", "54986");
    }

    @Test
    void fewerThanThreeReadsOrAReadWithoutItsRowsSymbolsKeepTheConfidenceVote() {
        CropRead unsure = read("59U1", "97749", 0.6, 1, '7', '1');
        CropRead sure = read("59U1", "91749", 0.9, -1, ' ', ' ');
        CropRead bare = TwoRowReads.exact("59U1", "97749", 0.6);

        assertThat(RowSupport.applies(List.of(unsure, sure))).isFalse();
        assertThat(RowSupport.applies(List.of(unsure, unsure, sure, bare))).isFalse();
    }

    /**
     * A read of exactly these rows whose symbols are certain but, when {@code place} ≥ 0, at that place of the bottom
     * row: {@code own} at 0.5 with {@code other} at 0.45 behind it.
     */
    private static CropRead read(String top, String bottom, double confidence, int place, char own, char other) {
        CropRead exact = TwoRowReads.exact(top, bottom, confidence);
        List<PlateGrammarSymbol> bottomSymbols = new ArrayList<>(symbols(bottom));
        if (place >= 0) {
            bottomSymbols.set(place, new PlateGrammarSymbol(List.of(new Choice(own, 0.5), new Choice(other, 0.45))));
        }
        return new CropRead(
                exact.match(),
                exact.raw(),
                exact.colour(),
                true,
                List.of(),
                false,
                List.of(symbols(top), bottomSymbols));
    }

    /** Symbols a sure read gives: each character at 0.95. */
    private static List<PlateGrammarSymbol> symbols(String text) {
        return text.chars().mapToObj(c -> PlateGrammarSymbol.of((char) c, 0.95)).toList();
    }
}
