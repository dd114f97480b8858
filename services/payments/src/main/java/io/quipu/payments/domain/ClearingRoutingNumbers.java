package io.quipu.payments.domain;

import io.quipu.platform.banking.AccountNumbers;

/**
 * ABA-style routing numbers for Peruvian banks in NACHA files. Peru has no ABA numbers, so each bank branch of a CCI
 * gets a synthetic one: {@code 0} + bank (3) + branch (3) + {@code 1} (8 digits, the "DFI identification"), followed by
 * the ABA check digit (weights 3, 7, 1 from the left). The leading 0 keeps them apart from real US routing numbers'
 * Federal Reserve prefixes (01–12, 21–32, ...); the trailing 1 makes the 8 digits never all zeros.
 */
public final class ClearingRoutingNumbers {

    private static final int[] ABA_WEIGHTS = {3, 7, 1, 3, 7, 1, 3, 7};

    private ClearingRoutingNumbers() {
    }

    /** The 8-digit DFI identification of a bank branch. */
    public static String identification(String bankCode, String branchCode) {
        requireDigits(bankCode, 3, "bank code");
        requireDigits(branchCode, 3, "branch code");
        return "0" + bankCode + branchCode + "1";
    }

    /** The 8-digit DFI identification of the bank branch a CCI belongs to. */
    public static String identificationOfCci(String cci) {
        if (!AccountNumbers.isValidCci(cci)) {
            throw new IllegalArgumentException("not a valid CCI");
        }
        return identification(cci.substring(0, 3), cci.substring(3, 6));
    }

    /** The full 9-digit routing number: identification + ABA check digit. */
    public static String routingNumber(String bankCode, String branchCode) {
        String identification = identification(bankCode, branchCode);
        return identification + abaCheckDigit(identification);
    }

    /** ABA check digit of 8 digits: the weighted sum (3, 7, 1, ...) plus the check digit is a multiple of 10. */
    public static int abaCheckDigit(String identification) {
        requireDigits(identification, 8, "DFI identification");
        int weightedSum = 0;
        for (int index = 0; index < 8; index++) {
            weightedSum += (identification.charAt(index) - '0') * ABA_WEIGHTS[index];
        }
        return (10 - weightedSum % 10) % 10;
    }

    /** Whether 9 digits are a routing number whose check digit is right. */
    public static boolean isValidRoutingNumber(String routingNumber) {
        return routingNumber != null && routingNumber.matches("\\d{9}")
                && abaCheckDigit(routingNumber.substring(0, 8)) == routingNumber.charAt(8) - '0';
    }

    private static void requireDigits(String value, int length, String what) {
        if (value == null || value.length() != length || !value.chars().allMatch(character -> character >= '0' && character <= '9')) {
            throw new IllegalArgumentException(what + " must be " + length + " digits");
        }
    }
}
