package io.quipu.identity.application;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.identity.domain.LockoutPolicy;
import io.quipu.identity.events.AuthEventPublisher;
import io.quipu.identity.store.UserRecord;
import io.quipu.identity.store.UserStore;

/** Counts a failed password or code against a user, locks when the policy says so, and announces both. */
@Component
class Failures {

    private final UserStore users;
    private final AuthEventPublisher events;

    Failures(UserStore users, AuthEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    /**
     * Must run in a transaction that holds the user's row lock ({@link UserStore#findForUpdate}). A failure while
     * locked is not counted: a lock is not extended by whoever keeps knocking.
     */
    LockoutPolicy.State record(UserRecord lockedUser, String eventType, String reason, UUID loginId, String sourceAddress,
                               Instant now) {
        if (lockedUser.lockout().isLocked(now)) {
            return lockedUser.lockout();
        }
        LockoutPolicy.State after = LockoutPolicy.afterFailure(lockedUser.lockout(), now);
        users.saveLockout(lockedUser.id(), after, now);
        boolean lockedNow = after.isLocked(now);
        int failuresInARow = lockedNow ? LockoutPolicy.MAX_CONSECUTIVE_FAILURES : after.consecutiveFailures();
        events.publish(eventType, lockedUser, loginId, reason, failuresInARow, null, sourceAddress, now);
        if (lockedNow) {
            users.recordLockout(lockedUser.id(), now, after.lockedUntil(), after.lockoutCount());
            events.publish(IdentityContracts.ACCOUNT_LOCKED, lockedUser, loginId, reason, failuresInARow, after.lockedUntil(),
                    sourceAddress, now);
        }
        return after;
    }
}
