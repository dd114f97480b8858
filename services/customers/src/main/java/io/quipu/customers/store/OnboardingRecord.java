package io.quipu.customers.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.quipu.customers.domain.OnboardingCase;

/**
 * An onboarding case as stored: the state machine ({@link OnboardingCase}) and what each step produced, so the next
 * step (or a resumption after a crash) has what it needs. No password and no biometric data are ever kept here.
 *
 * @param accountId     chosen when the case starts: opening the account again after a crash opens the same one
 * @param attempts      failed tries of the current automatic step (provider down), for the backoff
 * @param nextAttemptAt when the background resumer should try the current step again; null when nothing is due
 * @param version       the stored version this record was read at (optimistic concurrency)
 */
public record OnboardingRecord(OnboardingCase onboarding, UUID customerId, String photoReference, int selfieAttempts,
                               String biometricVerification, String screeningCheckId, UUID userId, String username,
                               UUID accountId, String accountCurrency, String accountNumber, String cci,
                               UUID contractDocumentId, int attempts, Instant nextAttemptAt, String lastError,
                               Instant createdAt, Instant expiresAt, long version) {

    public OnboardingRecord {
        Objects.requireNonNull(onboarding, "onboarding");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(accountId, "accountId");
        if (selfieAttempts < 0 || attempts < 0) {
            throw new IllegalArgumentException("attempt counts must not be negative");
        }
    }

    public UUID id() {
        return onboarding.id();
    }

    public OnboardingRecord with(OnboardingCase next) {
        return new OnboardingRecord(next, customerId, photoReference, selfieAttempts, biometricVerification, screeningCheckId, userId,
                username, accountId, accountCurrency, accountNumber, cci, contractDocumentId, 0, null, null, createdAt, expiresAt,
                version);
    }

    public OnboardingRecord withPhotoReference(String reference) {
        return new OnboardingRecord(onboarding, customerId, reference, selfieAttempts, biometricVerification, screeningCheckId, userId,
                username, accountId, accountCurrency, accountNumber, cci, contractDocumentId, attempts, nextAttemptAt, lastError,
                createdAt, expiresAt, version);
    }

    public OnboardingRecord withSelfie(int attemptsSoFar, String verificationId) {
        return new OnboardingRecord(onboarding, customerId, photoReference, attemptsSoFar, verificationId, screeningCheckId, userId,
                username, accountId, accountCurrency, accountNumber, cci, contractDocumentId, attempts, nextAttemptAt, lastError,
                createdAt, expiresAt, version);
    }

    public OnboardingRecord withScreening(String checkId) {
        return new OnboardingRecord(onboarding, customerId, photoReference, selfieAttempts, biometricVerification, checkId, userId,
                username, accountId, accountCurrency, accountNumber, cci, contractDocumentId, attempts, nextAttemptAt, lastError,
                createdAt, expiresAt, version);
    }

    public OnboardingRecord withUser(UUID newUserId, String newUsername, String currency) {
        return new OnboardingRecord(onboarding, customerId, photoReference, selfieAttempts, biometricVerification, screeningCheckId,
                newUserId, newUsername, accountId, currency, accountNumber, cci, contractDocumentId, attempts, nextAttemptAt,
                lastError, createdAt, expiresAt, version);
    }

    public OnboardingRecord withAccount(String number, String newCci) {
        return new OnboardingRecord(onboarding, customerId, photoReference, selfieAttempts, biometricVerification, screeningCheckId,
                userId, username, accountId, accountCurrency, number, newCci, contractDocumentId, attempts, nextAttemptAt, lastError,
                createdAt, expiresAt, version);
    }

    public OnboardingRecord withContract(UUID documentId) {
        return new OnboardingRecord(onboarding, customerId, photoReference, selfieAttempts, biometricVerification, screeningCheckId,
                userId, username, accountId, accountCurrency, accountNumber, cci, documentId, attempts, nextAttemptAt, lastError,
                createdAt, expiresAt, version);
    }

    /** The current automatic step failed for a passing reason: try again at {@code retryAt}. */
    public OnboardingRecord withRetry(Instant retryAt, String error) {
        String bounded = error == null ? null : error.substring(0, Math.min(error.length(), 300));
        return new OnboardingRecord(onboarding, customerId, photoReference, selfieAttempts, biometricVerification, screeningCheckId,
                userId, username, accountId, accountCurrency, accountNumber, cci, contractDocumentId, attempts + 1, retryAt, bounded,
                createdAt, expiresAt, version);
    }

    /** An automatic step is due now (the state just moved to one whose step needs no one). */
    public OnboardingRecord dueAt(Instant at) {
        return new OnboardingRecord(onboarding, customerId, photoReference, selfieAttempts, biometricVerification, screeningCheckId,
                userId, username, accountId, accountCurrency, accountNumber, cci, contractDocumentId, attempts, at, lastError,
                createdAt, expiresAt, version);
    }
}
