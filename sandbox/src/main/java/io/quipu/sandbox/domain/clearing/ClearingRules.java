package io.quipu.sandbox.domain.clearing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.quipu.platform.banking.AccountNumbers;
import io.quipu.platform.money.Money;
import io.quipu.sandbox.domain.Violation;
import io.quipu.sandbox.domain.settlement.SettlementPlan;
import io.quipu.sandbox.domain.webhooks.CallbackUrls;

/**
 * The clearing house's rules: what an instruction must look like (400), what it rejects at once with an ISO 20022
 * reason code (422), and what happens to an accepted one, decided by the last three digits of the creditor's account.
 *
 * <p>Special creditor accounts (the 12-digit account part of the CCI, digits 7 to 18, ends in):
 * {@code 901} rejected AC01, {@code 902} rejected AC04, {@code 903} settled then returned AC04, {@code 904} settled
 * then returned MS03, {@code 905} never settles by itself.
 */
public final class ClearingRules {

    public static final int MAX_NAME_LENGTH = 140;
    public static final int MAX_REFERENCE_LENGTH = 140;
    public static final Set<String> CURRENCIES = Set.of("PEN", "USD");

    /** Invalid creditor account: wrong check digits, or an account ending in 901. */
    public static final String INVALID_ACCOUNT = "AC01";
    /** Closed account: rejected at once (902) or returned after settlement (903). */
    public static final String CLOSED_ACCOUNT = "AC04";
    /** The bank code is not a participant of the clearing house. */
    public static final String UNKNOWN_BANK = "AG01";
    /** Refused by the beneficiary: returned after settlement (904). */
    public static final String REFUSED_BY_BENEFICIARY = "MS03";

    private static final Pattern INSTRUCTION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern CCI = Pattern.compile("\\d{20}");

    private ClearingRules() {
    }

    public static List<Violation> check(TransferInstruction instruction) {
        List<Violation> violations = new ArrayList<>();
        if (instruction.instructionId() == null) {
            violations.add(new Violation("instructionId", "required", "is required"));
        } else if (!INSTRUCTION_ID.matcher(instruction.instructionId()).matches()) {
            violations.add(new Violation("instructionId", "invalid_format", "must be 1 to 64 letters, digits or hyphens"));
        }
        checkName(violations, "debtorName", instruction.debtorName());
        checkName(violations, "creditorName", instruction.creditorName());
        checkCci(violations, "debtorCci", instruction.debtorCci());
        if (instruction.debtorCci() != null && CCI.matcher(instruction.debtorCci()).matches()
                && !AccountNumbers.isValidCci(instruction.debtorCci())) {
            violations.add(new Violation("debtorCci", "invalid_check_digits", "has wrong check digits"));
        }
        // The creditor's check digits are the creditor bank's business: a wrong one is a rejection (AC01), not a 400.
        checkCci(violations, "creditorCci", instruction.creditorCci());
        checkAmount(violations, instruction.amount());
        if (instruction.reference() != null && instruction.reference().length() > MAX_REFERENCE_LENGTH) {
            violations.add(new Violation("reference", "too_long", "must be at most " + MAX_REFERENCE_LENGTH + " characters"));
        }
        CallbackUrls.check("callbackUrl", instruction.callbackUrl()).ifPresent(violations::add);
        return violations;
    }

    /** The reason code the clearing house rejects a well-formed instruction with at once; empty when it accepts it. */
    public static Optional<String> rejectionOf(TransferInstruction instruction) {
        String cci = instruction.creditorCci();
        if (!AccountNumbers.isValidCci(cci)) {
            return Optional.of(INVALID_ACCOUNT);
        }
        if (!PeruvianBanks.isParticipant(bankCode(cci))) {
            return Optional.of(UNKNOWN_BANK);
        }
        return switch (accountSuffix(cci)) {
            case "901" -> Optional.of(INVALID_ACCOUNT);
            case "902" -> Optional.of(CLOSED_ACCOUNT);
            default -> Optional.empty();
        };
    }

    /** What happens to an accepted instruction without a control call. */
    public static SettlementPlan planOf(TransferInstruction instruction) {
        return switch (accountSuffix(instruction.creditorCci())) {
            case "903" -> SettlementPlan.settlesThenReturned(CLOSED_ACCOUNT);
            case "904" -> SettlementPlan.settlesThenReturned(REFUSED_BY_BENEFICIARY);
            case "905" -> SettlementPlan.NEVER_SETTLES;
            default -> SettlementPlan.SETTLES;
        };
    }

    public static String bankCode(String cci) {
        return cci.substring(0, 3);
    }

    /** The last three digits of the 12-digit account part of a CCI (before the two check digits). */
    public static String accountSuffix(String cci) {
        return cci.substring(15, 18);
    }

    /** A CCI with correct check digits: bank (3) + branch (3) + account (12) + 2 check digits. For tests and demos. */
    public static String cci(String bankCode, String branch, String account) {
        if (!bankCode.matches("\\d{3}") || !branch.matches("\\d{3}") || !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("bank code and branch must be 3 digits, the account 12");
        }
        return bankCode + branch + account + AccountNumbers.cciCheckDigit(bankCode + branch) + AccountNumbers.cciCheckDigit(account);
    }

    private static void checkName(List<Violation> violations, String field, String name) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation(field, "required", "is required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            violations.add(new Violation(field, "too_long", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
    }

    private static void checkCci(List<Violation> violations, String field, String cci) {
        if (cci == null) {
            violations.add(new Violation(field, "required", "is required"));
        } else if (!CCI.matcher(cci).matches()) {
            violations.add(new Violation(field, "invalid_format", "must be a CCI: 20 digits"));
        }
    }

    static void checkAmount(List<Violation> violations, Money amount) {
        checkAmount(violations, amount, CURRENCIES);
    }

    /** The amount is required, positive and in one of the currencies. Shared with the SWIFT-like network. */
    public static void checkAmount(List<Violation> violations, Money amount, Set<String> currencies) {
        if (amount == null) {
            violations.add(new Violation("amount", "required", "is required"));
            return;
        }
        if (!amount.isPositive()) {
            violations.add(new Violation("amount.amount", "not_positive", "must be greater than zero"));
        }
        if (!currencies.contains(amount.currencyCode())) {
            violations.add(new Violation("amount.currency", "unsupported_currency",
                    "must be one of: " + String.join(", ", currencies.stream().sorted().toList())));
        }
    }
}
