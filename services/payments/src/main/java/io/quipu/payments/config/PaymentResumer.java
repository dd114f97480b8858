package io.quipu.payments.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.quipu.payments.application.PaymentSaga;

/** Moves due payments on: after a restart, a provider outage, or while waiting for fraud review or the network. */
@Component
class PaymentResumer {

    private static final Logger log = LoggerFactory.getLogger(PaymentResumer.class);

    private final PaymentSaga saga;

    PaymentResumer(PaymentSaga saga) {
        this.saga = saga;
    }

    @Scheduled(fixedDelayString = "${quipu.payments.resume-interval:1s}", initialDelayString = "${quipu.payments.resume-interval:1s}")
    void resume() {
        try {
            saga.resumeDue();
        } catch (RuntimeException e) {
            log.warn("payment resumption failed, will retry: {}", e.toString());
        }
    }
}
