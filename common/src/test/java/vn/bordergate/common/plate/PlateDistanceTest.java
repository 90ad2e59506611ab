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

    /** The costs from the lookup tables equal the rule on the Unicode script, for every character of the BMP. */
    @org.junit.jupiter.api.Test
    void substitutionFollowsTheHanScriptForEveryCharacter() {
        char[] partners = {'?', 'A', '0', 'O', '8', 'I', 'S', '1', 'z', '桂', '粤', '挂', '\u2E80', '\uFFFF'};
        java.util.List<String> differing = new java.util.ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            for (char p : partners) {
                if (PlateDistance.substitution((char) c, p) != byScript((char) c, p)) {
                    differing.add(String.format("read %04x as %04x", c, (int) p));
                }
                if (PlateDistance.substitution(p, (char) c) != byScript(p, (char) c)) {
                    differing.add(String.format("read %04x as %04x", (int) p, c));
                }
            }
        }
        assertThat(differing).isEmpty();
    }

    private static double byScript(char read, char declared) {
        if (read == declared) {
            return 0;
        }
        boolean han = Character.UnicodeScript.of(declared) == Character.UnicodeScript.HAN;
        if (read == '?') {
            return han ? PlateDistance.UNREAD : 1;
        }
        if (han && Character.UnicodeScript.of(read) == Character.UnicodeScript.HAN) {
            return PlateDistance.HAN_MISREAD;
        }
        return LookAlikes.lookAlike(read, declared) ? PlateDistance.LOOK_ALIKE : 1;
    }
}
