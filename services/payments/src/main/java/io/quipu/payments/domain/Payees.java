package io.quipu.payments.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.quipu.platform.banking.AccountNumbers;

/** Beneficiaries: how each kind is written as a payee, and the checks a destination must pass before anything moves. */
public final class Payees {

    /** Peruvian banks' CCI codes this bank can send to (the clearing house's participants). */
    public static final Set<String> PERUVIAN_BANK_CODES = Set.of("002", "003", "009", "011", "018", "023", "035", "038", "043",
            "049", "053");

    private Payees() {
    }

    public static String quipu(String accountNumber) {
        return "QUIPU:" + accountNumber;
    }

    public static String cci(String cci) {
        return "CCI:" + cci;
    }

    public static String iban(String iban) {
        return "IBAN:" + normaliseIban(iban);
    }

    public static String normaliseIban(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Why this CCI cannot be paid to from here; empty when it can. */
    public static Optional<String> cciProblem(String cci, String ownBankCode) {
        if (!AccountNumbers.isValidCci(cci)) {
            return Optional.of("invalid_cci");
        }
        String bank = cci.substring(0, 3);
        if (bank.equals(ownBankCode)) {
            return Optional.of("cci_of_this_bank");
        }
        if (!PERUVIAN_BANK_CODES.contains(bank)) {
            return Optional.of("unknown_bank");
        }
        return Optional.empty();
    }

    /** ISO 13616: country, two check digits, BBAN; the mod-97 remainder of the rearranged number is 1. */
    public static boolean isValidIban(String raw) {
        String iban = normaliseIban(raw);
        if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char character : rearranged.toCharArray()) {
            int value = Character.isDigit(character) ? character - '0' : character - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    public static boolean isValidBic(String bic) {
        return bic != null && bic.toUpperCase(Locale.ROOT).matches("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    }

    /** The payee with its account part hidden but its last 4 characters, for events and messages. */
    public static String masked(String payee) {
        int colon = payee.indexOf(':');
        String kind = payee.substring(0, colon + 1);
        String value = payee.substring(colon + 1);
        return kind + "****" + value.substring(Math.max(0, value.length() - 4));
    }
}
