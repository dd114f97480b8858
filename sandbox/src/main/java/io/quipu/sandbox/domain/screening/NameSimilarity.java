package io.quipu.sandbox.domain.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How similar two person names are, the way screening tools compare them: accents, case, punctuation and word order
 * do not matter, small spelling differences cost a little.
 *
 * <p>The measure is a token-set similarity. Both names become sets of words; with I the common words (sorted) and
 * D1, D2 the words only in the one or the other (sorted), it is the best of {@code ratio(I, I+D1)},
 * {@code ratio(I, I+D2)} and {@code ratio(I+D1, I+D2)}, where {@code ratio} is {@code 2·LCS / (length1 + length2)}
 * on the joined strings. So a name all of whose words are in the other name scores 1 ("Juan Pérez" and "Pérez Gómez
 * Juan"). That shortcut needs at least two common words: a single common word ("Juan") would match half a country,
 * so then only {@code ratio(I+D1, I+D2)} counts.
 */
public final class NameSimilarity {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
    private static final int MIN_COMMON_TOKENS_FOR_SUBSET = 2;

    private NameSimilarity() {
    }

    /** The words of a name without accents, case or punctuation: "Pérez-Núñez, JOSÉ" → [jose, nunez, perez]. */
    public static SortedSet<String> tokens(String name) {
        String withoutAccents = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String plain = NOT_LETTER_OR_DIGIT.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll(" ");
        SortedSet<String> tokens = new TreeSet<>();
        for (String token : plain.split(" ")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** From 0 (nothing in common) to 1 (the same name, or one name's words all in the other's). */
    public static double tokenSetSimilarity(String first, String second) {
        SortedSet<String> firstTokens = tokens(first);
        SortedSet<String> secondTokens = tokens(second);
        if (firstTokens.isEmpty() || secondTokens.isEmpty()) {
            return 0;
        }
        List<String> common = new ArrayList<>(firstTokens);
        common.retainAll(secondTokens);
        List<String> onlyFirst = new ArrayList<>(firstTokens);
        onlyFirst.removeAll(secondTokens);
        List<String> onlySecond = new ArrayList<>(secondTokens);
        onlySecond.removeAll(firstTokens);

        String intersection = String.join(" ", common);
        String firstWhole = join(intersection, onlyFirst);
        String secondWhole = join(intersection, onlySecond);
        double similarity = ratio(firstWhole, secondWhole);
        if (common.size() >= MIN_COMMON_TOKENS_FOR_SUBSET) {
            similarity = Math.max(similarity, Math.max(ratio(intersection, firstWhole), ratio(intersection, secondWhole)));
        }
        return similarity;
    }

    private static String join(String intersection, List<String> rest) {
        String tail = String.join(" ", rest);
        if (intersection.isEmpty()) {
            return tail;
        }
        return tail.isEmpty() ? intersection : intersection + " " + tail;
    }

    /** {@code 2·LCS / (length1 + length2)}: 1 for equal strings, 0 for strings without a common character. */
    static double ratio(String first, String second) {
        int total = first.length() + second.length();
        if (total == 0) {
            return 1;
        }
        return 2.0 * longestCommonSubsequence(first, second) / total;
    }

    private static int longestCommonSubsequence(String first, String second) {
        int[] previous = new int[second.length() + 1];
        int[] current = new int[second.length() + 1];
        for (int row = 1; row <= first.length(); row++) {
            for (int column = 1; column <= second.length(); column++) {
                current[column] = first.charAt(row - 1) == second.charAt(column - 1)
                        ? previous[column - 1] + 1
                        : Math.max(previous[column], current[column - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[second.length()];
    }
}
