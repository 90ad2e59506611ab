package vn.bordergate.common.plate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LookAlikesTest {

    @ParameterizedTest(name = "{0} looks like {1}")
    @CsvSource({"O, 0", "I, 1", "B, 8", "Z, 2", "S, 5", "G, 6", "D, 0", "Q, 0", "L, 1", "T, 7"})
    void letterAndDigitLookAlike(char letter, char digit) {
        assertThat(LookAlikes.lookAlike(letter, digit)).isTrue();
        assertThat(LookAlikes.lookAlike(digit, letter)).isTrue();
        assertThat(LookAlikes.canonical(letter)).isEqualTo(LookAlikes.canonical(digit));
        assertThat(LookAlikes.canonical(letter)).isEqualTo(digit);
        assertThat(LookAlikes.canonical(digit)).isEqualTo(digit);
        assertThat(LookAlikes.asDigit(letter)).isEqualTo(digit);
    }

    @Test
    void lettersOfTheSameClassLookAlike() {
        assertThat(LookAlikes.lookAlike('O', 'D')).isTrue();
        assertThat(LookAlikes.lookAlike('O', 'Q')).isTrue();
        assertThat(LookAlikes.lookAlike('I', 'L')).isTrue();
    }

    @Test
    void canonicalIgnoresCase() {
        assertThat(LookAlikes.canonical('o')).isEqualTo('0');
        assertThat(LookAlikes.canonical('b')).isEqualTo('8');
        assertThat(LookAlikes.canonical('h')).isEqualTo('H');
        assertThat(LookAlikes.lookAlike('s', '5')).isTrue();
    }

    @ParameterizedTest(name = "asLetter({0}) = {1}")
    @CsvSource({"0, D", "8, B", "2, Z", "5, S", "6, G", "4, A", "7, T"})
    void digitReadWhereALetterBelongs(char digit, char letter) {
        assertThat(LookAlikes.asLetter(digit)).isEqualTo(letter);
    }

    @Test
    void asLetterNeverProducesALetterUnusedOnPlates() {
        // I, O, Q are not used in Vietnamese series nor in Chinese plates, so a repair must not produce them
        for (char d = '0'; d <= '9'; d++) {
            assertThat(LookAlikes.asLetter(d)).as("asLetter(%s)", d).isNotIn('I', 'O', 'Q');
        }
    }

    @Test
    void asDigitAndAsLetterLeaveTheRightKindAlone() {
        for (char d = '0'; d <= '9'; d++) {
            assertThat(LookAlikes.asDigit(d)).isEqualTo(d);
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            assertThat(LookAlikes.asLetter(c)).isEqualTo(c);
        }
    }

    @Test
    void charactersWithoutALookAlikeAreUnchanged() {
        assertThat(LookAlikes.asDigit('A')).isEqualTo('A');
        assertThat(LookAlikes.asDigit('H')).isEqualTo('H');
        assertThat(LookAlikes.asDigit('K')).isEqualTo('K');
        assertThat(LookAlikes.asLetter('3')).isEqualTo('3');
        assertThat(LookAlikes.asLetter('9')).isEqualTo('9');
        assertThat(LookAlikes.asDigit('-')).isEqualTo('-');
        assertThat(LookAlikes.asLetter('-')).isEqualTo('-');
        assertThat(LookAlikes.asDigit('桂')).isEqualTo('桂');
        assertThat(LookAlikes.canonical('桂')).isEqualTo('桂');
    }

    @Test
    void fourReadsAsAButTheyAreNotLookAlikes() {
        assertThat(LookAlikes.asLetter('4')).isEqualTo('A');
        assertThat(LookAlikes.asDigit('A')).isEqualTo('A');
        assertThat(LookAlikes.lookAlike('A', '4')).isFalse();
        assertThat(LookAlikes.canonical('A')).isEqualTo('A');
        assertThat(LookAlikes.canonical('4')).isEqualTo('4');
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({"A, H", "A, 4", "H, 4", "B, 0", "0, 8", "1, 7", "E, 3", "K, X", "M, N", "U, V", "3, 8"})
    void notLookAlikes(char a, char b) {
        assertThat(LookAlikes.lookAlike(a, b)).isFalse();
        assertThat(LookAlikes.lookAlike(b, a)).isFalse();
        assertThat(LookAlikes.canonical(a)).isNotEqualTo(LookAlikes.canonical(b));
    }

    @Test
    void aCharacterIsNotALookAlikeOfItself() {
        assertThat(LookAlikes.lookAlike('O', 'O')).isFalse();
        assertThat(LookAlikes.lookAlike('0', '0')).isFalse();
        assertThat(LookAlikes.lookAlike('A', 'A')).isFalse();
    }

    @Test
    void lookAlikeIsSymmetricOverPlateAlphabet() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (char a : alphabet.toCharArray()) {
            for (char b : alphabet.toCharArray()) {
                assertThat(LookAlikes.lookAlike(a, b)).as("%s/%s", a, b).isEqualTo(LookAlikes.lookAlike(b, a));
            }
        }
    }

    @Test
    void asDigitResultAlwaysLooksLikeTheLetter() {
        for (char c = 'A'; c <= 'Z'; c++) {
            char digit = LookAlikes.asDigit(c);
            if (digit != c) {
                assertThat(Character.isDigit(digit)).isTrue();
                assertThat(LookAlikes.lookAlike(c, digit))
                        .as("asDigit(%s) = %s", c, digit)
                        .isTrue();
            }
        }
    }

    @Test
    void asLetterResultLooksLikeTheDigit() {
        for (char d = '0'; d <= '9'; d++) {
            char letter = LookAlikes.asLetter(d);
            if (letter != d && d != '4') {
                assertThat(LookAlikes.lookAlike(d, letter))
                        .as("asLetter(%s) = %s", d, letter)
                        .isTrue();
                assertThat(LookAlikes.asDigit(letter)).isEqualTo(d);
            }
        }
    }
}
