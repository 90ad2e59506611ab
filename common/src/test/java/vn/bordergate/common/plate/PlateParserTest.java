package vn.bordergate.common.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateParserTest {

    @Nested
    class Vietnamese {

        @ParameterizedTest(name = "{0} -> {2} {3}")
        @CsvSource(
                delimiter = '|',
                textBlock =
                        """
                29C-671.61   | 29C67161  | VN_VEHICLE   | 29C-671.61   | 29C   | 671.61
                29H-335.78   | 29H33578  | VN_VEHICLE   | 29H-335.78   | 29H   | 335.78
                30P-9934     | 30P9934   | VN_VEHICLE   | 30P-9934     | 30P   | 9934
                12R-012.34   | 12R01234  | VN_TRAILER   | 12R-012.34   | 12R   | 012.34
                29-H1 123.45 | 29H112345 | VN_MOTORBIKE | 29-H1 123.45 | 29-H1 | 123.45
                51LD-123.45  | 51LD12345 | VN_VEHICLE   | 51LD-123.45  | 51LD  | 123.45
                KA-12-34     | KA1234    | VN_MILITARY  | KA-12-34     | KA    | 12-34
                80-123-NG-01 | 80123NG01 | VN_DIPLOMATIC | 80-123-NG-01 | 80-123 | NG-01
                99Z-999.99   | 99Z99999  | VN_VEHICLE   | 99Z-999.99   | 99Z   | 999.99
                11A-000.01   | 11A00001  | VN_VEHICLE   | 11A-000.01   | 11A   | 000.01
                """)
        void parsesRealWorldPlates(
                String raw, String normalized, PlateKind kind, String display, String top, String bottom) {
            Plate plate = PlateParser.parse(raw);

            assertThat(plate.country()).isEqualTo(PlateCountry.VN);
            assertThat(plate.kind()).isEqualTo(kind);
            assertThat(plate.kind().country()).isEqualTo(PlateCountry.VN);
            assertThat(plate.normalized()).isEqualTo(normalized);
            assertThat(plate.display()).isEqualTo(display);
            assertThat(plate.toString()).isEqualTo(display);
            assertThat(plate.rows()).containsExactly(top, bottom);
            assertThat(PlateParser.tryParse(raw)).contains(plate);
        }

        @Test
        void twoRowSquarePlateReadsLikeTheOneRowForm() {
            Plate plate = PlateParser.parse("30E\n220.70");

            assertThat(plate.kind()).isEqualTo(PlateKind.VN_VEHICLE);
            assertThat(plate.normalized()).isEqualTo("30E22070");
            assertThat(plate.display()).isEqualTo("30E-220.70");
            assertThat(plate.rows()).containsExactly("30E", "220.70");
            assertThat(plate).isEqualTo(PlateParser.parse("30E-220.70"));
        }

        @Test
        void motorbikeIsAlwaysTwoRows() {
            Plate plate = PlateParser.parse("29-H1\n123.45");

            assertThat(plate.kind()).isEqualTo(PlateKind.VN_MOTORBIKE);
            assertThat(plate.rows()).isEqualTo(List.of("29-H1", "123.45"));
            assertThat(plate.display()).isEqualTo("29-H1 123.45");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "29h-335.78",
                    "29H33578",
                    "29 H 335 78",
                    "29H-335.78 ",
                    " 29h 335.78",
                    "２９Ｈ－３３５．７８",
                    "２９ｈ３３５７８",
                    "29H·335·78",
                    "29H_335/78"
                })
        void lowercaseFullWidthAndSeparatorsFold(String raw) {
            Plate plate = PlateParser.parse(raw);

            assertThat(plate.normalized()).isEqualTo("29H33578");
            assertThat(plate.display()).isEqualTo("29H-335.78");
            assertThat(plate.kind()).isEqualTo(PlateKind.VN_VEHICLE);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"51Đ-123.45", "51đ-123.45", "51D-123.45", "51d12345"})
        void vietnameseDStrokeIsReadAsD(String raw) {
            Plate plate = PlateParser.parse(raw);

            assertThat(plate.normalized()).isEqualTo("51D12345");
            assertThat(plate.display()).isEqualTo("51D-123.45");
        }

        @Test
        void twoLetterSeriesWithDStroke() {
            assertThat(PlateParser.parse("51LĐ-123.45").display()).isEqualTo("51LD-123.45");
        }

        @ParameterizedTest(name = "series letter {0}")
        @ValueSource(strings = {"I", "J", "O", "Q", "W"})
        void unusedSeriesLettersAreInvalid(String letter) {
            String raw = "29" + letter + "-123.45";

            assertThatThrownBy(() -> PlateParser.parse(raw))
                    .isInstanceOf(InvalidPlateException.class)
                    .hasMessageContaining(raw);
            assertThat(PlateParser.tryParse(raw)).isEmpty();
            // also as the second letter of a two-letter series and in a motorbike series
            assertThat(PlateParser.tryParse("51L" + letter + "-123.45")).isEmpty();
            assertThat(PlateParser.tryParse("29-" + letter + "1 123.45")).isEmpty();
        }

        @ParameterizedTest(name = "series letter {0}")
        @ValueSource(
                strings = {
                    "A", "B", "C", "D", "E", "F", "G", "H", "K", "L", "M", "N", "P", "S", "T", "U", "V", "X", "Y", "Z"
                })
        void everyUsedSeriesLetterIsValid(String letter) {
            Plate plate = PlateParser.parse("29" + letter + "-123.45");

            assertThat(plate.kind()).isEqualTo(PlateKind.VN_VEHICLE);
            assertThat(plate.display()).isEqualTo("29" + letter + "-123.45");
        }

        @ParameterizedTest(name = "province {0}")
        @ValueSource(strings = {"00", "05", "10"})
        void provinceCodesBelowElevenAreInvalid(String province) {
            assertThat(PlateParser.tryParse(province + "H-335.78")).isEmpty();
            assertThat(PlateParser.tryParse(province + "-H1 123.45")).isEmpty();
            assertThatThrownBy(() -> PlateParser.parse(province + "H-335.78"))
                    .isInstanceOf(InvalidPlateException.class);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "29H-335", // 3 digits
                    "2H-335.78", // one-digit province
                    "29HHH-335.78", // three-letter series
                    "29-H12 123.45", // two-digit motorbike series
                    "K-12-34", // one-letter military unit
                    "KA-12-345",
                    "H29-335.78",
                    "29H-335.7A"
                })
        void malformedVietnamesePlatesAreInvalid(String raw) {
            assertThat(PlateParser.tryParse(raw)).isEmpty();
            assertThatThrownBy(() -> PlateParser.parse(raw)).isInstanceOf(InvalidPlateException.class);
        }
    }

    @Nested
    class Chinese {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                textBlock =
                        """
                桂A12345   | CN_STANDARD     | 桂A·12345  | 桂A | 12345
                皖ACY726   | CN_STANDARD     | 皖A·CY726  | 皖A | CY726
                粤AAB457   | CN_STANDARD     | 粤A·AB457  | 粤A | AB457
                桂A1234挂  | CN_TRAILER      | 桂A·1234挂 | 桂A | 1234挂
                粤B1234学  | CN_COACH        | 粤B·1234学 | 粤B | 1234学
                粤Z1234港  | CN_CROSS_BORDER | 粤Z·1234港 | 粤Z | 1234港
                粤Z1234澳  | CN_CROSS_BORDER | 粤Z·1234澳 | 粤Z | 1234澳
                粤AD12345  | CN_NEW_ENERGY   | 粤A·D12345 | 粤A | D12345
                粤AFA1234  | CN_NEW_ENERGY   | 粤A·FA1234 | 粤A | FA1234
                粤A12345D  | CN_NEW_ENERGY   | 粤A·12345D | 粤A | 12345D
                粤A12345F  | CN_NEW_ENERGY   | 粤A·12345F | 粤A | 12345F
                """)
        void parsesChinesePlates(String raw, PlateKind kind, String display, String region, String serial) {
            Plate plate = PlateParser.parse(raw);

            assertThat(plate.country()).isEqualTo(PlateCountry.CN);
            assertThat(plate.kind()).isEqualTo(kind);
            assertThat(plate.kind().country()).isEqualTo(PlateCountry.CN);
            assertThat(plate.normalized()).isEqualTo(raw);
            assertThat(plate.display()).isEqualTo(display);
            assertThat(plate.rows()).containsExactly(region, serial);
        }

        @Test
        void newEnergyPlatesHaveEightCharacters() {
            assertThat(PlateParser.parse("粤AD12345").normalized()).hasSize(8);
            assertThat(PlateParser.parse("粤A12345D").normalized()).hasSize(8);
            assertThat(PlateParser.parse("桂A12345").normalized()).hasSize(7);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"桂A·12345", "桂a12345", "桂 A 12345", "桂A-12345", "桂Ａ１２３４５", "桂A.12345", "桂A・12345"})
        void separatorsLowercaseAndFullWidthFold(String raw) {
            Plate plate = PlateParser.parse(raw);

            assertThat(plate.normalized()).isEqualTo("桂A12345");
            assertThat(plate.display()).isEqualTo("桂A·12345");
            assertThat(plate.kind()).isEqualTo(PlateKind.CN_STANDARD);
        }

        @Test
        void everyProvinceOpensAPlate() {
            assertThat(PlateParser.CN_PROVINCES).hasSize(31);
            PlateParser.CN_PROVINCES.chars().forEach(p -> assertThat(
                            PlateParser.parse((char) p + "A12345").kind())
                    .isEqualTo(PlateKind.CN_STANDARD));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "京I12345", // I after province
                    "京O12345", // O after province
                    "京AI2345", // I in the serial
                    "京A1234O", // O in the serial
                    "京ADO1234", // O in a new-energy serial
                    "京ADI1234", // I in a new-energy serial
                    "中A12345", // not a province
                    "港A12345", // suffix char as province
                    "桂A1234", // 6 characters
                    "桂A123456", // 8 characters, not new-energy
                    "桂AE12345", // new-energy must start with D or F
                    "桂A12345E", // new-energy must end with D or F
                    "桂AD1234A", // small new-energy: last four are digits
                    "桂A123挂", // suffixed with too short a serial
                    "桂A1234使", // unknown suffix
                    "桂12345", // no letter after province
                    "桂桂A12345"
                })
        void invalidChinesePlates(String raw) {
            assertThat(PlateParser.tryParse(raw)).isEmpty();
            assertThatThrownBy(() -> PlateParser.parse(raw)).isInstanceOf(InvalidPlateException.class);
        }
    }

    @Nested
    class Invalid {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "-.·", "\n\t", "・·—"})
        void emptyInputIsReportedAsEmpty(String raw) {
            assertThatThrownBy(() -> PlateParser.parse(raw))
                    .isInstanceOf(InvalidPlateException.class)
                    .hasMessage("plate is empty");
            assertThat(PlateParser.tryParse(raw)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"29H-335.78901", "29H33578 29H33578", "ABCDEFGHIJK"})
        void tooLongInputIsReportedAsTooLong(String raw) {
            assertThatThrownBy(() -> PlateParser.parse(raw))
                    .isInstanceOf(InvalidPlateException.class)
                    .hasMessageContaining("too long");
            assertThat(PlateParser.tryParse(raw)).isEmpty();
        }

        @Test
        void tooLongMessageShortensLongInput() {
            String raw = "29H-335.78 ".repeat(10);

            assertThatThrownBy(() -> PlateParser.parse(raw))
                    .isInstanceOf(InvalidPlateException.class)
                    .hasMessageContaining("…")
                    .message()
                    .hasSizeLessThan(raw.length());
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "hello",
                    "xin chào",
                    "no plate",
                    "'; DROP TABLE x;--",
                    "1 OR 1=1",
                    "' OR '1'='1",
                    "<script>",
                    "12345678",
                    "ABCDEFG"
                })
        void textThatIsNotAPlateIsInvalid(String raw) {
            assertThatThrownBy(() -> PlateParser.parse(raw))
                    .isInstanceOf(InvalidPlateException.class)
                    .hasMessageContaining("neither a Vietnamese plate")
                    .hasMessageContaining(raw.strip());
            assertThat(PlateParser.tryParse(raw)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"SELECT * FROM plates", "29H'; DELETE FROM crossing WHERE 1=1;--"})
        void sqlLookingTextIsInvalid(String raw) {
            assertThatThrownBy(() -> PlateParser.parse(raw)).isInstanceOf(InvalidPlateException.class);
            assertThat(PlateParser.tryParse(raw)).isEmpty();
        }

        @Test
        void invalidPlateExceptionIsAnIllegalArgumentException() {
            assertThatThrownBy(() -> PlateParser.parse("nonsense")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Normalize {

        @ParameterizedTest(name = "[{0}] -> [{1}]")
        @CsvSource(
                delimiter = '|',
                textBlock =
                        """
                29H-335.78      | 29H33578
                29h 335 78      | 29H33578
                29-H1 123.45    | 29H112345
                ２９Ｈ－３３５．７８ | 29H33578
                51Đ-123.45      | 51D12345
                51đ-123.45      | 51D12345
                桂A·12345       | 桂A12345
                桂a・12345      | 桂A12345
                桂A1234挂       | 桂A1234挂
                粤Z·1234港      | 粤Z1234港
                KA-12-34        | KA1234
                """)
        void keepsOnlyLettersDigitsAndHan(String raw, String expected) {
            assertThat(PlateParser.normalize(raw)).isEqualTo(expected);
        }

        @Test
        void multiLineAndTabsAreRemoved() {
            assertThat(PlateParser.normalize("30E\n220.70")).isEqualTo("30E22070");
            assertThat(PlateParser.normalize("30E\r\n\t220.70")).isEqualTo("30E22070");
        }

        @Test
        void nullAndBlankNormaliseToEmpty() {
            assertThat(PlateParser.normalize(null)).isEmpty();
            assertThat(PlateParser.normalize("")).isEmpty();
            assertThat(PlateParser.normalize(" -.·/ ")).isEmpty();
        }

        @Test
        void nonAsciiLettersOtherThanDStrokeAreDropped() {
            // Vietnamese diacritics are not plate characters: the plate grammar then rejects the rest
            assertThat(PlateParser.normalize("àé")).isEmpty();
        }

        @Test
        void normalizeIsIdempotent() {
            for (String raw : List.of("29h-335.78", "桂a·1234挂", "51Đ-123.45", "２９Ｈ－３３５．７８")) {
                String once = PlateParser.normalize(raw);
                assertThat(PlateParser.normalize(once)).isEqualTo(once);
            }
        }
    }

    @Test
    void plateKindCountryAndTrailerFlag() {
        for (PlateKind kind : PlateKind.values()) {
            assertThat(kind.country()).isEqualTo(kind.name().startsWith("VN_") ? PlateCountry.VN : PlateCountry.CN);
        }
        assertThat(PlateKind.values())
                .filteredOn(PlateKind::isTrailer)
                .containsExactlyInAnyOrder(PlateKind.VN_TRAILER, PlateKind.CN_TRAILER);
    }

    @Test
    void plateRowsAreImmutable() {
        Plate plate = PlateParser.parse("29H-335.78");

        assertThatThrownBy(() -> plate.rows().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
