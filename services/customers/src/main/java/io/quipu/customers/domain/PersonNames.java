package io.quipu.customers.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * People's names as customers type them and as the identity registry holds them.
 *
 * <p>Names are compared without accents, case or extra spaces, with hyphens read as spaces and apostrophes ignored:
 * the registry writes {@code PEÑA QUISPE}, the customer types {@code Peña  quispe}, {@code Pena-Quispe} or
 * {@code O'Brien} as {@code OBrien}.
 */
public final class PersonNames {

    public static final int MAXIMUM_LENGTH = 80;

    /** Letters of any alphabet (with their combining accents), spaces, apostrophes and hyphens; at least one letter. */
    private static final Pattern NAME = Pattern.compile("(?=.*\\p{L})[\\p{L}\\p{M} '’\\-]+");

    private PersonNames() {
    }

    /** Trimmed, with runs of spaces collapsed to one; accents and case kept, as the customer wrote them. */
    public static String normalise(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    /** Why the {@linkplain #normalise normalised} name is refused, or empty. */
    public static Optional<RuleViolation> check(String name) {
        String normalised = normalise(name);
        if (normalised.isEmpty()) {
            return Optional.of(new RuleViolation("missing", "the name is missing"));
        }
        if (normalised.length() > MAXIMUM_LENGTH) {
            return Optional.of(new RuleViolation("too_long", "a name has at most " + MAXIMUM_LENGTH + " characters"));
        }
        if (!NAME.matcher(normalised).matches()) {
            return Optional.of(new RuleViolation("invalid_characters",
                    "a name has only letters, spaces, apostrophes and hyphens"));
        }
        return Optional.empty();
    }

    /** The form names are compared in: no accents, lower case, hyphens as spaces, no apostrophes, single spaces. */
    public static String comparisonKey(String name) {
        String decomposed = Normalizer.normalize(normalise(name), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "")
                .replaceAll("['’]", "")
                .replaceAll("\\p{Pd}", " ")
                .replaceAll(" +", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the names a customer declared are the registry's. The first given name and the paternal surname must be
     * there; the customer may leave out later given names and the maternal surname, but whatever they wrote must be
     * the registry's, in the registry's order.
     */
    public static boolean matches(String declaredGivenNames, String declaredSurnames,
                                  String registryGivenNames, String registryPaternalSurname,
                                  String registryMaternalSurname) {
        List<String> declaredGiven = words(declaredGivenNames);
        List<String> registryGiven = words(registryGivenNames);
        if (declaredGiven.isEmpty() || !startsWith(registryGiven, declaredGiven)) {
            return false;
        }
        List<String> declaredFamily = words(declaredSurnames);
        List<String> paternal = words(registryPaternalSurname);
        if (paternal.isEmpty() || !startsWith(declaredFamily, paternal)) {
            return false;
        }
        List<String> declaredMaternal = declaredFamily.subList(paternal.size(), declaredFamily.size());
        return declaredMaternal.isEmpty() || declaredMaternal.equals(words(registryMaternalSurname));
    }

    private static List<String> words(String name) {
        String key = comparisonKey(name);
        return key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
    }

    private static boolean startsWith(List<String> whole, List<String> prefix) {
        return prefix.size() <= whole.size() && whole.subList(0, prefix.size()).equals(prefix);
    }
}
