package io.quipu.contracts.customers;

import java.time.Instant;
import java.util.List;

/**
 * An onboarding case. {@code resumeToken} is given once, when the case starts: with it (header
 * {@code X-Onboarding-Token}) the app continues or resumes the case; it is stored only as a hash. {@code nextStep} says
 * what the applicant must do ({@code selfie}, {@code credentials}, {@code sign_contract}) or {@code wait} while the bank
 * finishes a step in the background (a provider was down: {@code retrying} is true).
 */
public record OnboardingResponse(
        String id,
        String state,
        String nextStep,
        String rejectionReason,
        String customerId,
        String resumeToken,
        String givenNames,
        String surnames,
        String username,
        String accountNumber,
        String cci,
        String accountCurrency,
        String contractDocumentId,
        boolean retrying,
        Instant expiresAt,
        List<Transition> transitions) {

    public record Transition(String from, String to, Instant at, String detail) {
    }
}
