package io.quipu.sandbox.domain.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quipu.sandbox.domain.Violation;
import io.quipu.sandbox.domain.registry.PersonRules;

/** What the screening provider accepts: who the person is, and names of a sensible length. */
public final class ScreeningRules {

    public static final int MAX_NAME_CHARACTERS = 200;
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private ScreeningRules() {
    }

    public static List<Violation> checkScreening(String documentType, String documentNumber, String fullName,
            LocalDate birthDate, String nationality, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (documentType == null) {
            violations.add(new Violation("documentType", "required", "is required"));
        } else if (documentNumber == null) {
            violations.add(new Violation("documentNumber", "required", "is required"));
        } else {
            violations.addAll(PersonRules.checkDocument(documentType, documentNumber));
        }
        checkName("fullName", fullName, violations);
        if (birthDate == null) {
            violations.add(new Violation("birthDate", "required", "is required"));
        } else if (birthDate.isAfter(today) || birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            violations.add(new Violation("birthDate", "out_of_range", "must be between 1900-01-01 and today"));
        }
        if (nationality == null || nationality.isBlank()) {
            violations.add(new Violation("nationality", "required", "is required"));
        } else if (!COUNTRIES.contains(nationality)) {
            violations.add(new Violation("nationality", "invalid_country", "must be an ISO 3166 alpha-2 code such as PE or EC"));
        }
        return violations;
    }

    public static List<Violation> checkEntry(String list, String name) {
        List<Violation> violations = new ArrayList<>();
        if (list == null) {
            violations.add(new Violation("list", "required", "is required"));
        } else if (Watchlist.ofCode(list).isEmpty()) {
            violations.add(new Violation("list", "invalid_value", "must be one of: UN-SANCTIONS, OFAC-SDN, PEP-PE, PEP-EC"));
        }
        checkName("name", name, violations);
        return violations;
    }

    private static void checkName(String field, String name, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation(field, "required", "is required"));
        } else if (name.length() > MAX_NAME_CHARACTERS) {
            violations.add(new Violation(field, "too_long", "must be at most " + MAX_NAME_CHARACTERS + " characters"));
        } else if (NameSimilarity.tokens(name).isEmpty()) {
            violations.add(new Violation(field, "invalid_name", "must contain letters"));
        }
    }
}
