package io.quipu.customers.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.quipu.customers.application.OnboardingService;

/** Every few seconds, does the automatic onboarding steps that are due (after a provider outage or a crash). */
@Component
class OnboardingResumer {

    private static final Logger log = LoggerFactory.getLogger(OnboardingResumer.class);

    private final OnboardingService onboarding;

    OnboardingResumer(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @Scheduled(fixedDelayString = "${quipu.customers.onboarding.resume-interval:5s}",
            initialDelayString = "${quipu.customers.onboarding.resume-interval:5s}")
    void resume() {
        try {
            int resumed = onboarding.resumeDue();
            if (resumed > 0) {
                log.info("resumed {} onboarding cases", resumed);
            }
        } catch (RuntimeException e) {
            log.warn("onboarding resumption failed, will retry: {}", e.toString());
        }
    }
}
