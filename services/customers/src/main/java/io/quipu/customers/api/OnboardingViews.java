package io.quipu.customers.api;

import java.util.Locale;

import io.quipu.contracts.customers.OnboardingResponse;
import io.quipu.customers.application.OnboardingService;
import io.quipu.customers.domain.OnboardingState;
import io.quipu.customers.store.OnboardingRecord;

/** An onboarding case as the API shows it to the applicant. */
final class OnboardingViews {

    private OnboardingViews() {
    }

    static OnboardingResponse of(OnboardingService.View view) {
        OnboardingRecord record = view.record();
        OnboardingState state = record.onboarding().state();
        return new OnboardingResponse(record.id().toString(), lower(state.name()), OnboardingService.nextStep(record),
                record.onboarding().rejectionReason() == null ? null : record.onboarding().rejectionReason().code(),
                record.customerId().toString(), view.resumeToken(), view.customer().givenNames(), view.customer().surnames(),
                record.username(), record.accountNumber(), record.cci(), record.accountCurrency(),
                record.contractDocumentId() == null ? null : record.contractDocumentId().toString(), record.attempts() > 0,
                record.expiresAt(),
                record.onboarding().transitions().stream().map(transition -> new OnboardingResponse.Transition(lower(transition.from().name()),
                        lower(transition.to().name()), transition.at(), transition.detail())).toList());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
