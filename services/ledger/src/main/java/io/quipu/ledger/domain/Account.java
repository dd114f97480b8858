package io.quipu.ledger.domain;

import java.util.UUID;

/**
 * An account's identity, limits and four balances in minor units, as the transfer engine sees and changes them.
 * Balances never go negative; every change is checked for overflow.
 */
public final class Account {

    private final UUID id;
    private final String currency;
    private final boolean debitsMustNotExceedCredits;
    private final boolean creditsMustNotExceedDebits;
    private final AccountStatus status;
    private long debitsPending;
    private long debitsPosted;
    private long creditsPending;
    private long creditsPosted;

    public Account(UUID id, String currency, boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits,
                   AccountStatus status, long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {
        if (debitsMustNotExceedCredits && creditsMustNotExceedDebits) {
            throw new IllegalArgumentException("an account cannot limit both debits and credits");
        }
        if (debitsPending < 0 || debitsPosted < 0 || creditsPending < 0 || creditsPosted < 0) {
            throw new IllegalArgumentException("balances are never negative");
        }
        this.id = id;
        this.currency = currency;
        this.debitsMustNotExceedCredits = debitsMustNotExceedCredits;
        this.creditsMustNotExceedDebits = creditsMustNotExceedDebits;
        this.status = status;
        this.debitsPending = debitsPending;
        this.debitsPosted = debitsPosted;
        this.creditsPending = creditsPending;
        this.creditsPosted = creditsPosted;
    }

    public static Account open(UUID id, String currency, boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits) {
        return new Account(id, currency, debitsMustNotExceedCredits, creditsMustNotExceedDebits, AccountStatus.OPEN, 0, 0, 0, 0);
    }

    public Account copy() {
        return new Account(id, currency, debitsMustNotExceedCredits, creditsMustNotExceedDebits, status,
                debitsPending, debitsPosted, creditsPending, creditsPosted);
    }

    void restore(Account saved) {
        debitsPending = saved.debitsPending;
        debitsPosted = saved.debitsPosted;
        creditsPending = saved.creditsPending;
        creditsPosted = saved.creditsPosted;
    }

    void addDebitsPending(long amount) {
        debitsPending = checkedAdd(debitsPending, amount);
    }

    void addDebitsPosted(long amount) {
        debitsPosted = checkedAdd(debitsPosted, amount);
    }

    void addCreditsPending(long amount) {
        creditsPending = checkedAdd(creditsPending, amount);
    }

    void addCreditsPosted(long amount) {
        creditsPosted = checkedAdd(creditsPosted, amount);
    }

    private static long checkedAdd(long balance, long amount) {
        long result = Math.addExact(balance, amount);
        if (result < 0) {
            throw new IllegalStateException("a balance went negative: an engine rule is broken");
        }
        return result;
    }

    /** Credits posted − debits posted. */
    public long posted() {
        return creditsPosted - debitsPosted;
    }

    /** What the owner of a deposit account can spend: posted minus what holds reserve. */
    public long available() {
        return creditsPosted - debitsPosted - debitsPending;
    }

    public boolean isZero() {
        return debitsPending == 0 && creditsPending == 0 && debitsPosted == creditsPosted;
    }

    public UUID id() {
        return id;
    }

    public String currency() {
        return currency;
    }

    public boolean debitsMustNotExceedCredits() {
        return debitsMustNotExceedCredits;
    }

    public boolean creditsMustNotExceedDebits() {
        return creditsMustNotExceedDebits;
    }

    public AccountStatus status() {
        return status;
    }

    public long debitsPending() {
        return debitsPending;
    }

    public long debitsPosted() {
        return debitsPosted;
    }

    public long creditsPending() {
        return creditsPending;
    }

    public long creditsPosted() {
        return creditsPosted;
    }
}
