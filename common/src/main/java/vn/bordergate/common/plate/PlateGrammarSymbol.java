package vn.bordergate.common.plate;

import java.util.Comparator;
import java.util.List;

/**
 * One character position as an OCR engine read it: the characters it considered, most likely first, each with
 * a probability in 0..1. A plain string read gives one choice per position with probability 1.
 *
 * @param choices at least one; sorted by falling probability on construction
 */
public record PlateGrammarSymbol(List<Choice> choices) {
    /** A character the reader considered for this position, with its probability. */
    public record Choice(char character, double probability) {
        public Choice {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in 0..1: " + probability);
            }
        }
    }

    public PlateGrammarSymbol {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("a symbol needs at least one choice");
        }
        choices = choices.stream()
                .sorted(Comparator.comparingDouble(Choice::probability).reversed())
                .toList();
    }

    /** A position read as exactly {@code c}, with probability {@code p}. */
    public static PlateGrammarSymbol of(char c, double p) {
        return new PlateGrammarSymbol(List.of(new Choice(c, p)));
    }

    /** One certain symbol per character of {@code text} (code points outside the BMP are dropped). */
    public static List<PlateGrammarSymbol> of(String text) {
        return text.chars().mapToObj(c -> of((char) c, 1.0)).toList();
    }

    public char best() {
        return choices.get(0).character();
    }

    public double bestProbability() {
        return choices.get(0).probability();
    }

    /** The probability given to {@code c}, or -1 when the reader did not consider it. */
    public double probabilityOf(char c) {
        for (Choice choice : choices) {
            if (choice.character() == c) {
                return choice.probability();
            }
        }
        return -1;
    }
}
