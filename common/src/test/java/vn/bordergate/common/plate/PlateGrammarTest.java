package vn.bordergate.common.plate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateGrammarTest {
    private static final Set<PlateCountry> VN = EnumSet.of(PlateCountry.VN);
    private static final Set<PlateCountry> CN = EnumSet.of(PlateCountry.CN);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            29C67161      | 29C67161  | VN_VEHICLE
            29C-671.61    | 29C67161  | VN_VEHICLE
            30621906      | 30G21906  | VN_VEHICLE
            3OG2I9O6      | 30G21906  | VN_VEHICLE
            29H-42Z.I8    | 29H42218  | VN_VEHICLE
            Z9H33578      | 29H33578  | VN_VEHICLE
            [29H33578]    | 29H33578  | VN_VEHICLE
            129H33578     | 29H33578  | VN_VEHICLE
            29H33578.     | 29H33578  | VN_VEHICLE
            30P9934       | 30P9934   | VN_VEHICLE
            12R01234      | 12R01234  | VN_TRAILER
            51LD12345     | 51LD12345 | VN_VEHICLE
            5ILD12345     | 51LD12345 | VN_VEHICLE
            29-H1 123.45  | 29H112345 | VN_MOTORBIKE
            KA-12-34      | KA1234    | VN_MILITARY
            80123NG01     | 80123NG01 | VN_DIPLOMATIC
            8O-123-NG-0I  | 80123NG01 | VN_DIPLOMATIC
            30E-990.37    | 30E99037  | VN_VEHICLE
            """)
    void repairsVietnameseReads(String raw, String expected, PlateKind kind) {
        PlateGrammarMatch match = PlateGrammar.repair(raw).orElseThrow();

        assertThat(match.text()).isEqualTo(expected);
        assertThat(match.parsed()).isPresent();
        assertThat(match.kind()).isEqualTo(kind);
        assertThat(match.country()).isEqualTo(PlateCountry.VN);
    }

    @Test
    void aLookAlikeInAMilitarySeriesIsRepairedWhenThePlateIsKnownToBeVietnamese() {
        // with both countries allowed, "K41234" is as likely a Chinese plate whose province was not read
        assertThat(PlateGrammar.repair("K4-12-34", VN).orElseThrow().text()).isEqualTo("KA1234");
        assertThat(PlateGrammar.repair("K4-12-34").orElseThrow().text()).isEqualTo("?K41234");
    }

    @Test
    void anExactReadCostsNothingAndKeepsItsConfidence() {
        PlateGrammarMatch match = PlateGrammar.repair("29C-671.61").orElseThrow();

        assertThat(match.cost()).isLessThan(0.2);
        assertThat(match.confidence()).isGreaterThan(0.9);
        assertThat(match.rows()).containsExactly("29C", "67161");
    }

    @Test
    void aRepairedReadCostsMoreThanAnExactOne() {
        double exact = PlateGrammar.repair("30G21906").orElseThrow().cost();
        double repaired = PlateGrammar.repair("30621906").orElseThrow().cost();

        assertThat(repaired).isGreaterThan(exact);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            皖A8Y796     | 皖A8Y796  | CN_STANDARD
            桂A·12345    | 桂A12345  | CN_STANDARD
            桂A1234挂    | 桂A1234挂 | CN_TRAILER
            粤BD12345    | 粤BD12345 | CN_NEW_ENERGY
            A8Y796       | ?A8Y796   | CN_STANDARD
            #A8Y796      | ?A8Y796   | CN_STANDARD
            BA8Y796      | ?A8Y796   | CN_STANDARD
            ~-A8Y796     | ?A8Y796   | CN_STANDARD
            AAO0I5       | ?AA0015   | CN_STANDARD
            """)
    void repairsChineseReadsAndKeepsAnUnreadProvinceUnknown(String raw, String expected, PlateKind kind) {
        PlateGrammarMatch match = PlateGrammar.repair(raw, CN).orElseThrow();

        assertThat(match.text()).isEqualTo(expected);
        assertThat(match.kind()).isEqualTo(kind);
        assertThat(match.hasUnknown()).isEqualTo(expected.contains("?"));
        assertThat(match.parsed().isPresent()).isEqualTo(!expected.contains("?"));
    }

    @Test
    void aReadWithAProvinceCharacterIsChineseEvenWhenBothCountriesAreAllowed() {
        assertThat(PlateGrammar.repair("浙JP291Q").orElseThrow().text()).isEqualTo("浙JP291Q");
    }

    @Test
    void perPositionAlternativesDecideBetweenLookAlikes() {
        // the reader's top choice at position 3 is '6', but it also saw 'G': a letter must go there
        List<PlateGrammarSymbol> symbols = new java.util.ArrayList<>(PlateGrammarSymbol.of("30621906"));
        symbols.set(
                2,
                new PlateGrammarSymbol(
                        List.of(new PlateGrammarSymbol.Choice('6', 0.6), new PlateGrammarSymbol.Choice('C', 0.35))));

        PlateGrammarMatch match = PlateGrammar.repair(symbols, VN).orElseThrow();

        // C was among the reader's alternatives, so it beats the look-alike swap 6 -> G
        assertThat(match.text()).isEqualTo("30C21906");
    }

    @Test
    void anUnsureExtraCharacterIsCheaperToDropThanASureOne() {
        List<PlateGrammarSymbol> unsure = new java.util.ArrayList<>(PlateGrammarSymbol.of("129H33578"));
        unsure.set(0, PlateGrammarSymbol.of('1', 0.2));
        List<PlateGrammarSymbol> sure = PlateGrammarSymbol.of("129H33578");

        PlateGrammarMatch fromUnsure = PlateGrammar.repair(unsure, VN).orElseThrow();
        PlateGrammarMatch fromSure = PlateGrammar.repair(sure, VN).orElseThrow();

        assertThat(fromUnsure.text()).isEqualTo("29H33578");
        assertThat(fromSure.text()).isEqualTo("29H33578");
        assertThat(fromUnsure.cost()).isLessThan(fromSure.cost());
    }

    @Test
    void twoRowsAreReadEachWithItsOwnGrammar() {
        PlateGrammarMatch motorbike = PlateGrammar.repairRows(
                        PlateGrammar.symbols("54-T1"), PlateGrammar.symbols("5417"), VN)
                .orElseThrow();
        assertThat(motorbike.text()).isEqualTo("54T15417");
        assertThat(motorbike.rows()).containsExactly("54T1", "5417");

        // top row "29-HI": the I is a digit in a motorbike series; bottom "I23.45" starts with a 1
        PlateGrammarMatch repaired = PlateGrammar.repairRows(
                        PlateGrammar.symbols("29-HI"), PlateGrammar.symbols("I23.45"), VN)
                .orElseThrow();
        assertThat(repaired.text()).isEqualTo("29H112345");
        assertThat(repaired.rows()).containsExactly("29H1", "12345");

        PlateGrammarMatch square = PlateGrammar.repairRows(
                        PlateGrammar.symbols("51F"), PlateGrammar.symbols("617.12"), VN)
                .orElseThrow();
        assertThat(square.text()).isEqualTo("51F61712");
        assertThat(square.rows()).containsExactly("51F", "61712");

        PlateGrammarMatch chinese = PlateGrammar.repairRows(
                        PlateGrammar.symbols("桂A"), PlateGrammar.symbols("1234挂"), CN)
                .orElseThrow();
        assertThat(chinese.text()).isEqualTo("桂A1234挂");
    }

    @Test
    void rowsAreNotMixedUp() {
        // one-row alignment could take "12" from the bottom row as the series; rows keep their own grammar
        assertThat(PlateGrammar.repairRows(PlateGrammar.symbols("29"), PlateGrammar.symbols("H112345"), VN))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "----", "HELLO", "1234", "#$%&*"})
    void givesNothingWhenNoPlateFits(String raw) {
        assertThat(PlateGrammar.repair(raw)).isEmpty();
    }

    @Test
    void aVietnameseProvinceCodeBelowElevenIsNoVietnamesePlate() {
        assertThat(PlateGrammar.repair("10A12345", VN).map(PlateGrammarMatch::text))
                .isNotEqualTo(java.util.Optional.of("10A12345"));
    }

    /**
     * No province has 13, 42, 44–46, 87, 91 or 96: a read of one is a look-alike misread. A sure `99LD01602` read
     * with its second `9` lost and `L` taken for `1` (`9LD01602`) gave `91D01602`, which outvoted the two reads of
     * the plate; its alternative `9` at the second place now gives the registered plate instead.
     */
    @Test
    void anUnregisteredProvinceCodeIsNoVietnamesePlateTheCameraSaw() {
        for (String read : List.of("91F04275", "13A12345", "87S1866", "44B7971", "96LD12345")) {
            assertThat(PlateGrammar.candidates(List.of(PlateGrammar.symbols(read)), VN))
                    .extracting(PlateGrammarMatch::text)
                    .as(read)
                    .noneMatch(text -> text.startsWith(read.substring(0, 2)));
        }
        assertThat(PlateGrammar.candidates(List.of(PlateGrammar.symbols("92F04275")), VN))
                .extracting(PlateGrammarMatch::text)
                .as("a registered code beside them")
                .contains("92F04275");
        assertThat(PlateGrammar.repair("5IF04275", VN).map(PlateGrammarMatch::text))
                .as("a registered code is still repaired")
                .contains("51F04275");

        List<PlateGrammarSymbol> unsure = List.of(
                PlateGrammarSymbol.of('9', 0.9),
                new PlateGrammarSymbol(
                        List.of(new PlateGrammarSymbol.Choice('1', 0.6), new PlateGrammarSymbol.Choice('9', 0.3))),
                PlateGrammarSymbol.of('F', 0.9),
                PlateGrammarSymbol.of('0', 0.9),
                PlateGrammarSymbol.of('4', 0.9),
                PlateGrammarSymbol.of('2', 0.9),
                PlateGrammarSymbol.of('7', 0.9),
                PlateGrammarSymbol.of('5', 0.9));
        assertThat(PlateGrammar.repair(unsure, VN).map(PlateGrammarMatch::text)).contains("99F04275");
        assertThat(PlateParser.tryParse("91F-042.75"))
                .as("a clerk may still type what a document says")
                .isPresent();
    }

    @Test
    void nullIsNoRead() {
        assertThat(PlateGrammar.repair((String) null)).isEmpty();
        assertThat(PlateGrammar.candidates(List.of(), VN)).isEmpty();
    }

    @Test
    void candidatesAreRankedAndDistinct() {
        List<PlateGrammarMatch> all = PlateGrammar.candidates(List.of(PlateGrammar.symbols("30621906")), VN);

        assertThat(all).isNotEmpty();
        assertThat(all.get(0).text()).isEqualTo("30G21906");
        assertThat(all.stream().map(PlateGrammarMatch::text).distinct().count()).isEqualTo(all.size());
    }

    @Test
    void aReaderThatKnowsThePlateKindNarrowsTheGrammar() {
        List<List<PlateGrammarSymbol>> read = List.of(PlateGrammar.symbols("RA3877"));

        assertThat(PlateGrammar.candidates(read, EnumSet.allOf(PlateCountry.class))
                        .get(0)
                        .kind())
                .isEqualTo(PlateKind.VN_MILITARY);
        // a blue plate is no Vietnamese military plate (those are red): the read is a Chinese one missing its province
        List<PlateGrammarMatch> blue =
                PlateGrammar.candidatesOfKinds(read, EnumSet.of(PlateKind.VN_VEHICLE, PlateKind.CN_STANDARD));
        assertThat(blue.get(0).country()).isEqualTo(PlateCountry.CN);
        assertThat(blue.get(0).text()).isEqualTo("?RA3877");
    }

    @Test
    void chineseSerialsHoldAtMostTwoLetters() {
        // "ATR0VE" has four letters: the repair turns the look-alikes T and O into digits
        PlateGrammarMatch match = PlateGrammar.repair("?ATR0BE", CN).orElseThrow();
        assertThat(match.text()).isEqualTo("?A7R08E");
    }

    @Test
    void everyRepairedPlateParses() {
        for (String raw : List.of("3OG2I9O6", "Z9H33578", "KA-12-34", "8O-123-NG-0I", "5ILD12345")) {
            PlateGrammarMatch match = PlateGrammar.repair(raw).orElseThrow();
            assertThat(PlateParser.parse(match.text()).normalized()).isEqualTo(match.text());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // the dash after the series read as a digit (vn-one-row's most common insertion)
        "29C781225, 29C81225",
        "30G691959, 30G91959",
        // a two-letter series is not cut at the dash: the read fits as it is
        "51LD04379, 51LD04379"
    })
    void aSymbolWhereAOneRowPlatePrintsItsDashIsDroppedBeforeOneInside(String read, String plate) {
        Set<PlateKind> oneRow = EnumSet.complementOf(EnumSet.of(PlateKind.VN_MOTORBIKE));

        List<PlateGrammarMatch> matches = PlateGrammar.candidatesOfKinds(List.of(PlateGrammarSymbol.of(read)), oneRow);

        // without the cheaper drop at the dash, the last symbol went (an edge drop): 29C78122, 30G69195
        assertThat(matches.get(0).text()).isEqualTo(plate);
    }

    @Test
    void theDashReadAsASureDigitIsDroppedEvenWhenTheCharacterBehindItLostItsConfidence() {
        // 51G-429.71 on a large, sharp plate: the LSTM read the dash as a sure 6 and gave the 4 behind it 0.00
        List<PlateGrammarSymbol> read = new java.util.ArrayList<>(PlateGrammarSymbol.of("51G"));
        read.add(PlateGrammarSymbol.of('6', 0.97));
        read.add(PlateGrammarSymbol.of('4', 0.0));
        read.addAll(PlateGrammarSymbol.of("2971"));
        Set<PlateKind> oneRow = EnumSet.complementOf(EnumSet.of(PlateKind.VN_MOTORBIKE));

        List<PlateGrammarMatch> matches = PlateGrammar.candidatesOfKinds(List.of(read), oneRow);

        // with the separator drop at 0.6 the 4 was dropped (1.1 × 0.5 = 0.55 < 0.6 × 0.985): 51G62971
        assertThat(matches.get(0).text()).isEqualTo("51G42971");
    }

    @Test
    void onlyMotorbikePlatesAlwaysHaveTwoRows() {
        assertThat(EnumSet.allOf(PlateKind.class).stream().filter(PlateKind::alwaysTwoRows))
                .containsExactly(PlateKind.VN_MOTORBIKE);
    }
}
