package io.quipu.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import io.quipu.platform.money.Money;

/**
 * What a message says, already quiet: accounts and payees masked ({@code ****1234}), no document numbers. Fields that
 * do not apply to the kind are null.
 *
 * @param amount             the money moved
 * @param accountMasked      the customer's account
 * @param counterpartyMasked the other side: payee or sender
 * @param balanceAfter       the available balance after the movement
 * @param reason             why a payment failed or came back (a stable code)
 * @param lockedUntil        when a lock ends
 * @param accountId          the customer's own account's id (not its number), so the web app can update that balance
 * @param networkMasked      where a login came from, its network only ({@link Masking#network})
 */
public record NotificationFacts(Money amount, String accountMasked, String counterpartyMasked, Money balanceAfter,
        String reason, Instant lockedUntil, UUID accountId, String networkMasked) {

    public static final int MAX_REASON_CHARACTERS = 60;

    public NotificationFacts {
        if (accountMasked != null && !accountMasked.startsWith(Masking.MASK)) {
            throw new IllegalArgumentException("the account must be masked");
        }
        if (counterpartyMasked != null && !counterpartyMasked.startsWith(Masking.MASK)) {
            throw new IllegalArgumentException("the counterparty must be masked");
        }
        if (networkMasked != null && !networkMasked.matches("[0-9a-f.:*]{1,45}")) {
            throw new IllegalArgumentException("the network must be masked");
        }
        if (reason != null && !reason.matches("[a-z0-9_]{1," + MAX_REASON_CHARACTERS + "}")) {
            reason = null; // a reason that is not a code is not shown: it could carry anything
        }
    }

    public static NotificationFacts none() {
        return new NotificationFacts(null, null, null, null, null, null, null, null);
    }
}
