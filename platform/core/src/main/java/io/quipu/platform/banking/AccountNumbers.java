package io.quipu.platform.banking;

/**
 * Account numbers: the bank's 14-digit number and the Peruvian interbank code (CCI, 20 digits). Shared: the ledger
 * issues them, payments and the sandbox's clearing house check them.
 *
 * <p>Account number = branch (3) + sequence (10) + Luhn check digit (1).
 * <p>CCI = bank (3) + branch (3) + account (12) + 2 check digits, as ASBANC defines them: the first check digit over
 * bank + branch, the second over the 12-digit account, each with weights 1, 2, 1, 2, … from the left, the digits of
 * each product summed, and the check digit = (10 − sum mod 10) mod 10.
 */
public final class AccountNumbers {

    public static final long MAX_SEQUENCE = 9_999_999_999L;

    private AccountNumbers() {
    }

    public static String accountNumber(String branch, long sequence) {
        requireDigits(branch, 3, "branch");
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        String body = branch + String.format("%010d", sequence);
        return body + luhnCheckDigit(body);
    }

    public static boolean isValidAccountNumber(String number) {
        return number != null && number.matches("\\d{14}")
                && luhnCheckDigit(number.substring(0, 13)) == number.charAt(13) - '0';
    }

    /** The CCI of an account number: its last 11 digits, zero-padded to 12, behind bank and branch. */
    public static String cci(String bankCode, String accountNumber) {
        requireDigits(bankCode, 3, "bank code");
        if (!isValidAccountNumber(accountNumber)) {
            throw new IllegalArgumentException("not a valid account number: " + accountNumber);
        }
        String branch = accountNumber.substring(0, 3);
        String account = "0" + accountNumber.substring(3);
        return bankCode + branch + account + cciCheckDigit(bankCode + branch) + cciCheckDigit(account);
    }

    public static boolean isValidCci(String cci) {
        if (cci == null || !cci.matches("\\d{20}")) {
            return false;
        }
        return cciCheckDigit(cci.substring(0, 6)) == cci.charAt(18) - '0'
                && cciCheckDigit(cci.substring(6, 18)) == cci.charAt(19) - '0';
    }

    public static int cciCheckDigit(String digits) {
        int sum = 0;
        for (int index = 0; index < digits.length(); index++) {
            int product = (digits.charAt(index) - '0') * (index % 2 == 0 ? 1 : 2);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    public static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true;
        for (int index = digits.length() - 1; index >= 0; index--) {
            int digit = digits.charAt(index) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    private static void requireDigits(String value, int length, String what) {
        if (value == null || value.length() != length || !value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(what + " must be " + length + " digits");
        }
    }
}
