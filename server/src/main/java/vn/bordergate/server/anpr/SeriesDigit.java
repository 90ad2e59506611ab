package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateGrammarSymbol.Choice;

/**
 * The series digit of a Vietnamese two-row plate's top row ({@code 59-K1}): the plate font's {@code 1} carries a
 * flag that the English model reads as {@code T}, {@code I}, {@code J} or a weak {@code 7}. A {@code T} there lets
 * the grammar take the rare two-letter series ({@code 59-KT}), a {@code 7} is a valid digit, so neither gets
 * repaired by the grammar alone. After a series letter, such a last symbol is read as {@code 1} first, with what
 * was read kept as a weaker alternative. An {@code S} there is read as {@code 5} first the same way: no two-row label
 * of vn-mixed-silver has a second series letter {@code S}, and the reads' {@code S} there was a 5 in 4 of 8, a 9 in 2
 * (docs/anpr.md, branch vntop of session 18).
 */
final class SeriesDigit {
    /** Read as the flagged {@code 1} wherever they stand after the series letter (a letter is rare there). */
    private static final String FLAGGED_ONE = "TIJ";

    /** A {@code 7} whose {@code 1} alternative has at least this probability is taken for a {@code 1}. */
    static final double SEVEN_AS_ONE = 0.3;

    /** What is left of the replaced read's probability: enough to stay an alternative, too little to win. */
    private static final double DEMOTED = 0.5;

    private SeriesDigit() {}

    /**
     * {@code top} with its last symbol read as {@code 1} when it follows a letter and looks like the flagged
     * {@code 1}, as {@code 5} when it is an {@code S} after a letter; {@code top} itself otherwise.
     */
    static List<PlateGrammarSymbol> preferOne(List<PlateGrammarSymbol> top) {
        if (top.size() < 4) {
            return top;
        }
        PlateGrammarSymbol last = top.get(top.size() - 1);
        char before = top.get(top.size() - 2).best();
        char read = last.best();
        boolean flagged = FLAGGED_ONE.indexOf(read) >= 0 || (read == '7' && last.probabilityOf('1') >= SEVEN_AS_ONE);
        char digit = flagged ? '1' : read == 'S' ? '5' : 0;
        if (!Character.isLetter(before) || digit == 0) {
            return top;
        }
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(digit, last.bestProbability()));
        for (Choice choice : last.choices()) {
            if (choice.character() == read) {
                choices.add(new Choice(read, choice.probability() * DEMOTED));
            } else if (choice.character() != digit) {
                choices.add(choice);
            }
        }
        List<PlateGrammarSymbol> out = new ArrayList<>(top.subList(0, top.size() - 1));
        out.add(new PlateGrammarSymbol(choices));
        return out;
    }
}
