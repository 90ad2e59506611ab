package vn.bordergate.common.plate;

import java.util.Map;

/**
 * Characters that cameras and OCR confuse on plates (O/0, I/1, B/8, Z/2, S/5, G/6, D/0). Used to
 * repair a read position by position and to make the plate distance forgiving where misreads happen.
 */
public final class LookAlikes {
    private static final Map<Character, Character> LETTER_TO_DIGIT =
            Map.of('O', '0', 'D', '0', 'Q', '0', 'I', '1', 'L', '1', 'B', '8', 'Z', '2', 'S', '5', 'G', '6', 'T', '7');
    private static final Map<Character, Character> DIGIT_TO_LETTER =
            Map.of('0', 'D', '1', 'L', '8', 'B', '2', 'Z', '5', 'S', '6', 'G', '4', 'A', '7', 'T');

    private LookAlikes() {}

    /** The digit a letter is commonly mistaken for, or the character itself. */
    public static char asDigit(char c) {
        return Character.isDigit(c) ? c : LETTER_TO_DIGIT.getOrDefault(c, c);
    }

    /** The letter a digit is commonly mistaken for, or the character itself. */
    public static char asLetter(char c) {
        return Character.isLetter(c) ? c : DIGIT_TO_LETTER.getOrDefault(c, c);
    }

    /** One representative of the look-alike class of {@code c}; two characters look alike when equal. */
    public static char canonical(char c) {
        char upper = Character.toUpperCase(c);
        return Character.isLetter(upper) && LETTER_TO_DIGIT.containsKey(upper) ? LETTER_TO_DIGIT.get(upper) : upper;
    }

    public static boolean lookAlike(char a, char b) {
        return a != b && canonical(a) == canonical(b);
    }
}
