package vn.bordergate.common.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlateDistanceTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
        "29H-335.78, 29H33578, 0",
        "29H-335.7B, 29H-335.78, 0.3",
        "29H-33S.7B, 29H-335.78, 0.6",
        "O0, 00, 0.3",
        "29H-335.79, 29H-335.78, 1",
        "29H-335.7, 29H-335.78, 1",
        "?A12345, 桂A12345, 0.2",
        "?A12345, 1A12345, 1",
        "桂A12345, 粤A12345, 0.7",
        "桂A12346, 粤A12345, 1.7",
        "桂A1234S, 粤A12345, 1.0",
        "粤A12345挂, 粤A12345学, 0.7"
    })
    void distances(String read, String declared, double expected) {
        assertThat(PlateDistance.between(read, declared)).isCloseTo(expected, within(1e-9));
    }

    @org.junit.jupiter.api.Test
    void platesOfTheTwoCountriesAreFarApart() {
        assertThat(PlateDistance.between("12C-123.45", "桂A12345")).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"29H-335.78, 29H-335.87", "桂A12345, 桂A12354"})
    void isSymmetricForPlainSubstitutions(String a, String b) {
        assertThat(PlateDistance.between(a, b)).isEqualTo(PlateDistance.between(b, a));
    }
}
